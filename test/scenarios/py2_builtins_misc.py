# Builtins whose results differ between 2.7 and 3.x: oct()/hex() (2.7: '010', an
# 'L' on longs), methods 2.7 does not have yet, and what a user __dict__ read gives.
# requires: 2.7
from __future__ import print_function
print(oct(0), oct(-8), oct(8), hex(2**70), oct(2**70), hex(-255), hex(2**63), hex(255), hex(0))
print(hasattr([], 'clear'), hasattr([], 'copy'), hasattr('', 'casefold'), hasattr('', 'isidentifier'))
print(hasattr({}, 'copy'), hasattr('', 'format'), hasattr(set(), 'copy'))
