// Hover texts of the special methods and attributes that decide how objects
// live and die in CPython (facts from the oracle's SPEC.md).
import type { ApiDoc } from './api-docs';

export const DUNDER_DOCS: ApiDoc[] = [
  {
    name: '__del__', signature: 'def __del__(self)', kind: 'method',
    en: {
      summary: 'The finalizer. It runs at once when the refcount falls to 0, or from the collector when the object is part of unreachable garbage (after weakref callbacks, before the cycle is broken, in the collector\'s list order: creation order for a fresh cycle). An exception in it is printed as "Exception ignored in: …" and ignored. At exit, unreachable cycles are finalized first, then module globals in definition order (globals first when gc is disabled).',
      versions: [
        '2.7: an object with `__del__` in a cycle is uncollectable (moved to `gc.garbage`, never called); on the refcount path `__del__` runs again each time a resurrected object dies.',
        '3.4+ (PEP 442): called at most once per object, by refcount or by the collector; a resurrected object is not finalized again.',
        '3.6: "Exception ignored in: <bound method C.__del__ of …>"; 3.7+: "Exception ignored in: <function C.__del__ at …>".',
        '3.6/3.7: after 50 nested deallocations the rest is deferred to the next container deallocation (trashcan); 3.8+ finish within the statement.',
      ],
    },
    'zh-cn': {
      summary: '终结器。引用计数降到 0 时立即运行；或者当对象属于不可达垃圾时由回收器调用（在弱引用回调之后、打破循环之前，按回收器链表的顺序：新建的循环按创建顺序）。其中抛出的异常被打印为 "Exception ignored in: …" 并被忽略。退出时先终结不可达的循环，再按定义顺序终结模块全局变量（gc 被禁用时全局变量在前）。',
      versions: [
        '2.7：循环中带 `__del__` 的对象不可回收（移入 `gc.garbage`，从不被调用）；在引用计数路径上，被复活的对象每次死亡时 `__del__` 都会再次运行。',
        '3.4+（PEP 442）：每个对象最多调用一次，无论由引用计数还是回收器触发；被复活的对象不会再次被终结。',
        '3.6："Exception ignored in: <bound method C.__del__ of …>"；3.7+："Exception ignored in: <function C.__del__ at …>"。',
        '3.6/3.7：嵌套释放超过 50 层后，其余部分推迟到下一次容器释放时进行（trashcan）；3.8+ 在本语句内完成。',
      ],
    },
  },
  {
    name: '__init__', signature: 'def __init__(self, ...)', kind: 'method',
    en: {
      summary: 'Initialises a new instance after `__new__` created it; its attribute assignments add references from the instance.',
      versions: ['Counted allocations of `B()` with an `__init__` (change of `get_count()[0]`): 4 on 3.6, 3 on 3.7–3.10, 1 on 3.11+.'],
    },
    'zh-cn': {
      summary: '在 `__new__` 创建新实例之后初始化它；其中的属性赋值会增加从该实例出发的引用。',
      versions: ['带 `__init__` 的 `B()` 计入的分配次数（`get_count()[0]` 的变化）：3.6 为 4，3.7–3.10 为 3，3.11+ 为 1。'],
    },
  },
  {
    name: '__new__', signature: 'def __new__(cls, ...)', kind: 'method',
    en: { summary: 'Creates the instance before `__init__` runs.' },
    'zh-cn': { summary: '在 `__init__` 运行之前创建实例。' },
  },
  {
    name: '__dict__', signature: 'obj.__dict__', kind: 'variable',
    en: {
      summary: 'The instance\'s attribute dictionary.',
      versions: [
        '≤3.10: a separate dict object, created with the first attribute and tracked: a 2-instance cycle is 4 objects.',
        '3.11/3.12: attributes are stored inline; touching `__dict__` (or `vars()`) materialises a real, tracked dict that the collector then counts.',
        '3.13: the materialised dict shares the inline values and stays untracked.',
      ],
    },
    'zh-cn': {
      summary: '实例的属性字典。',
      versions: [
        '≤3.10：是一个独立的字典对象，设置第一个属性时创建并被跟踪：两个实例的循环共 4 个对象。',
        '3.11/3.12：属性内联存放；访问 `__dict__`（或 `vars()`）会具体化一个真正的、被跟踪的字典，回收器随后会计入它。',
        '3.13：具体化的字典共享内联的值，并且不被跟踪。',
      ],
    },
  },
  {
    name: '__slots__', signature: '__slots__ = (...)', kind: 'variable',
    en: { summary: 'Declares fixed attribute slots: instances have no `__dict__`, so a cycle of two slotted instances is 2 objects in every version (4 with dicts on ≤3.10).' },
    'zh-cn': { summary: '声明固定的属性槽：实例没有 `__dict__`，因此两个带槽实例的循环在所有版本中都是 2 个对象（≤3.10 带字典时为 4 个）。' },
  },
  {
    name: '__weakref__', signature: 'obj.__weakref__', kind: 'variable',
    en: { summary: 'The head of the object\'s list of weak references (the first `weakref.ref` to it, or None).' },
    'zh-cn': { summary: '对象弱引用链表的表头（指向它的第一个 `weakref.ref`，或 None）。' },
  },
  {
    name: '__repr__', signature: 'def __repr__(self)', kind: 'method',
    en: { summary: 'The text of `repr(obj)`. The gc debug lines do not use it: they print `<TypeName 0x…>`.' },
    'zh-cn': { summary: '`repr(obj)` 的文本。gc 调试行不使用它：它们打印 `<TypeName 0x…>`。' },
  },
];
