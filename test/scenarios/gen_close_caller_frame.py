# Closing a suspended generator (close() or its finalizer) throws GeneratorExit into its
# frame. The traceback keeps the generator's frame object past the frame's end; 3.12.1
# and 3.13.0 link that frame object's f_back to the caller's frame object, made for it
# (clear_gen_frame unlinks the frame only after _PyFrame_ClearExceptCode; gh-100964,
# fixed in 3.14.1), which lives on with the calling frame. 3.13+ close() a generator
# suspended outside any try without running it (its locals and stack are cleared).
# Up to 3.11 the GeneratorExit instance is only made when a handler in the generator needs it.
import gc


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name, gc.get_count())


def plain(name):
    d = D(name)
    x = [1]
    yield 1


def guarded(name):
    d = D(name)
    try:
        yield 1
    except ValueError:
        pass


def after_try(name):
    d = D(name)
    try:
        pass
    finally:
        pass
    yield 1


def in_function(fn, how):
    g = fn(how)
    next(g)
    print(fn.__name__, how, gc.get_count())
    if how == 'close':
        g.close()
    del g
    print('after', gc.get_count())


gc.collect()
for fn in [plain, guarded, after_try]:
    for how in ['close', 'del']:
        in_function(fn, how)
        print('returned', gc.get_count())

g = plain('module')
next(g)
print('module made', gc.get_count())
del g
print('module deleted', gc.get_count())
g = guarded('module guarded')
next(g)
print('module made', gc.get_count())
g.close()
print('module closed', gc.get_count())
del g
print('end', gc.get_count())
