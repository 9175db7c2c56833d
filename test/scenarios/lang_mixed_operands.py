# Binary operators whose operands have different types: str % number,
# sequence repetition by int or bool, and the TypeErrors of unsupported pairs.
print('%.6f' % 1.5)
print('%d|%s|%r' % (True, 2.5, 'x'))
print('%5.1f%%' % 99.25)
print('[%s]' % [1, 2.0])
print('%s' % None, '%i' % 3.9)
print(3 * 'ab', 'ab' * True, [0] * 2, 2 * (1,))
print(1.5 + True, 2 ** 0.5 == 2 ** 0.5, 7 % 2.5, -7.5 // 2)
pairs = [(1.5, 'ab'), ('ab', 2.0), ([1], 1.5), (1.5, [1]), ('a', 1), (None, 1.0), ({}, 0.5)]
for a, b in pairs:
    try:
        print(repr(a * b))
    except TypeError as e:
        print('TypeError:', e)
    try:
        print(repr(a + b))
    except TypeError as e:
        print('TypeError:', e)
try:
    print('%d' % 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    print('%s %s' % (1,))
except TypeError as e:
    print('TypeError:', e)
