# Probe: int/float attributes and methods (real, imag, numerator, denominator,
# conjugate, as_integer_ratio, bit_length, bit_count, is_integer) per version:
# values, identity (which return self) and errors. Usage: python number_attrs.py
import sys
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
for v in [0.75, -2.5, 1e300, 0.1, 3.0]:
    print(v, v.as_integer_ratio())
for v in [float('inf'), float('nan')]:
    try:
        v.as_integer_ratio()
    except Exception as e:
        print(type(e).__name__, e)
try:
    f.numerator
except AttributeError as e:
    print(e)
try:
    x.real = 5
except AttributeError as e:
    print(e)
print(hasattr(f, 'denominator'), hasattr(x, 'imag'))
