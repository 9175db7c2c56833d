# Start-up reference counts of the small ints (-5..256), for Profile.unmodelledRefs.smallInts.
# No int constant in this script (int('-5') avoids the literal): each printed value is
# sys.getrefcount(i) minus the loop variable and the two stack references, plus 1.
# Run with and without -S; only the ints whose value is the same are compared by the
# oracle. The profile value is CPython's number minus what the simulator holds: run this
# file through `node dist/cli.js run … --python X.Y` with the int unset (1000) and take
# cpython - (simulated - 1000).
import sys
g = sys.getrefcount
for i in range(int('-5'), int('257')):
    print(i, g(i) - 2)
