# The numeric attributes of int and float: real, imag, numerator, denominator
# (read-only data descriptors; an exact int or float returns itself, a bool an
# int), conjugate(), as_integer_ratio() (int: 3.8+), bit_count() (3.10+),
# int.is_integer() (3.12+), with their errors.
import sys
import gc

rc = sys.getrefcount
x = 10001
f = 2.5
print(x.real, x.imag, x.numerator, x.denominator, x.conjugate(), x.bit_length())
print(x.real is x, x.numerator is x, x.conjugate() is x, rc(x))
print(True.real, True.imag, type(True.real).__name__, True.numerator, type(True.conjugate()).__name__)
print(f.real, f.imag, f.conjugate(), f.real is f, f.conjugate() is f, f.is_integer(), (3.0).is_integer())
print((-7).bit_length(), (0).bit_length(), (2 ** 100).bit_length())
for name in ['as_integer_ratio', 'bit_count', 'is_integer']:
    print(name, hasattr(x, name))
if hasattr(x, 'as_integer_ratio'):
    r = x.as_integer_ratio()
    print(r, r[0] is x, gc.is_tracked(r))
for v in [0.75, -2.5, 1e300, 0.1, 3.0, -0.0, 5e-324]:
    print(v, v.as_integer_ratio())
for v in [float('inf'), float('nan')]:
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    f.numerator
except AttributeError as e:
    print(e)
for target in [x, f]:
    try:
        target.real = 5
    except AttributeError as e:
        print(e)
print(hasattr(f, 'denominator'), hasattr(x, 'imag'), getattr(x, 'denominator'))
print(rc(x), rc(f))
