# Refused while running (the class statement executes): subclassing a builtin type.
x = 1
class MyInt(int):
    pass
