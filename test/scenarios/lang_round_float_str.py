# round() and str() of floats: 2.7 rounds halfway cases away from zero and returns a float, str() of a 2.7 float
# has 12 significant digits (format with no type too); Python 3 rounds half to even, returns an int for one argument.
# requires: 2.7
from __future__ import print_function, division
vals = [2.5, 3.5, -2.5, 0.5, -0.5, 1.5, 2.675, 0.125, 0.375, 1e16, 1e300, 5e-324, 0.0, -0.0, 123.456, 1234.5, 7, True, 10**20]
for v in vals:
    print(repr(v), round(v), round(v, 2), round(v, 1), round(v, -1), round(v, -2), round(v, 0), repr(round(v, 2)))
print(round(2.5, ndigits=0), round(number=1.05, ndigits=1), round(-1.05, 1), round(1.15, 1), round(2.0 ** 60 + 0.5))
print(str(0.1 + 0.2), 0.1 + 0.2, [0.1 + 0.2], 1.0 / 3, str(1e16), str(1e15), 123456789012.5, 1234567890123.0, '%s' % 2.5e-5)
print('{} {:} {:.3} {:g} {:>8}'.format(1.0 / 3, 2.0 / 3, 1.0 / 3, 1.0 / 3, 0.5), format(1.0 / 7), format(1e16))
print(str(float('inf')), str(-1e-7), str(100.0), str(1e12), str(123456789012345.0))
try:
    round(1.5, 2.0)
except TypeError as e:
    print(e)
try:
    round(1e308, -400)
    print(round(1.7e308, -308))
except OverflowError as e:
    print('OverflowError', e)
