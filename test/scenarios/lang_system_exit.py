# sys.exit() from inside a call: the SystemExit (with its traceback, and the frames
# and locals it holds) is released before finalisation; the exit code is kept.
# requires: 2.7
from __future__ import print_function
import sys
class Z(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
g = Z('global')
def f():
    z = Z('local')
    sys.exit(3)
print('start')
f()
