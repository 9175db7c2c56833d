# Probe (3.14, run with: node scripts/oracle/run_pyodide.mjs --run FILE; compare 3.13):
# PyTuple_Pack and list_extend_dictitems leave a tuple untracked when no item is a GC object
# (3.14.2: False where 3.13 prints True); PyTuple_New paths stay tracked.
import gc
d = {'a': 1, 'b': 2}
print('list_items', [gc.is_tracked(i) for i in list(d.items())])     # list_extend_dictitems
print('sorted_items', gc.is_tracked(sorted(d.items())[0]))           # PySequence_List, the same
print('tuple_items', gc.is_tracked(tuple(d.items())[0]))             # dictiter: recycled di_result, tracked again
print('int_ratio', gc.is_tracked((10001).as_integer_ratio()))        # PyTuple_Pack
print('float_ratio', gc.is_tracked((2.5).as_integer_ratio()))        # PyTuple_Pack
print('divmod', gc.is_tracked(divmod(7, 3)))                         # PyTuple_New
print('partition', gc.is_tracked('abc'.partition('b')))              # PyTuple_New
print('enumerate', [gc.is_tracked(i) for i in enumerate([1, 2])])    # recycled en_result, tracked again
print('popitem', gc.is_tracked({'a': 1}.popitem()))
b = gc.get_count()[0]
e = enumerate([1])
print('enumerate_count', gc.get_count()[0] - b)                      # 3.14.2: 3 (the list, the object, its iterator)
b = gc.get_count()[0]
i = iter(d.items())
print('items_iter_count', gc.get_count()[0] - b)                     # 3.14.2: 1 (the iterator)
