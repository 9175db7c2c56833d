class A:
    def __del__(self):
        raise ValueError('boom')
a = A()
del a
print('after')
