// The `gc` module's hover texts (facts from the oracle's SPEC.md).
import type { ApiDoc } from './api-docs';

export const GC_DOCS: ApiDoc[] = [
  {
    name: 'gc.collect', signature: 'gc.collect(generation=2) -> int', kind: 'function',
    en: {
      summary: 'Runs a collection of generation 0, 1 or 2 (default: a full collection, with the younger generations merged in) and returns the number of unreachable objects found: collected plus uncollectable. Only tracked containers count; ints, strings and untracked containers never do. Phases: update_refs, subtract_refs, move_unreachable, weakref clearing and callbacks, `__del__` (finalize_garbage), the resurrection check, delete_garbage. Afterwards count[g+1] += 1 and count[0..g] = 0; survivors move to the next generation. `collect(3)` and `collect(-1)` raise `ValueError: invalid generation`.',
      versions: [
        '2.7: a cycle with `__del__` is uncollectable: its objects go to `gc.garbage` and `__del__` is never called (they still count in the result).',
        '3.4+ (PEP 442): `__del__` runs once per object of the cycle, after weakref callbacks and before the cycle is broken.',
        '≤3.10: a 2-instance cycle returns 4 (each instance brings its `__dict__`); 3.11+: 2 (inline attribute values), unless `__dict__` was touched (3.11/3.12) or there are more than ~30 attributes.',
        'Resurrection by `__del__`: 3.6 counts the objects as collected though nothing is freed; 3.7/3.8 keep the whole set; 3.9+ keep only the resurrected part.',
        '3.14.0–3.14.4 (incremental GC): `collect(1)` collects the young generation plus one increment of the old one; `collect(2)` is full.',
      ],
    },
    'zh-cn': {
      summary: '对第 0、1 或 2 代执行一次回收（默认：完整回收，较年轻的代会被并入），返回找到的不可达对象个数：已回收的加上不可回收的。只计算被跟踪的容器对象；int、str 和未被跟踪的容器从不计入。阶段：update_refs、subtract_refs、move_unreachable、清除弱引用并调用回调、`__del__`（finalize_garbage）、复活检查、delete_garbage。之后 count[g+1] += 1，count[0..g] = 0；存活对象移入下一代。`collect(3)` 和 `collect(-1)` 抛出 `ValueError: invalid generation`。',
      versions: [
        '2.7：带 `__del__` 的循环不可回收：其对象进入 `gc.garbage`，`__del__` 从不被调用（但仍计入返回值）。',
        '3.4+（PEP 442）：循环中每个对象的 `__del__` 只运行一次，在弱引用回调之后、打破循环之前。',
        '≤3.10：两个实例的循环返回 4（每个实例带一个 `__dict__`）；3.11+：返回 2（属性值内联存放），除非访问过 `__dict__`（3.11/3.12）或属性超过约 30 个。',
        '`__del__` 复活对象：3.6 虽然什么也没释放，仍把这些对象计为已回收；3.7/3.8 保留整个集合；3.9+ 只保留被复活的部分。',
        '3.14.0–3.14.4（增量 GC）：`collect(1)` 回收年轻代加上老年代的一个增量；`collect(2)` 是完整回收。',
      ],
    },
  },
  {
    name: 'gc.enable', signature: 'gc.enable() -> None', kind: 'function',
    en: { summary: 'Turns automatic collection back on. It does not collect by itself: the next GC allocation above the threshold does.' },
    'zh-cn': { summary: '重新开启自动回收。它本身不会触发回收：下一次超过阈值的 GC 分配才会。' },
  },
  {
    name: 'gc.disable', signature: 'gc.disable() -> None', kind: 'function',
    en: {
      summary: 'Turns automatic collection off: however high `get_count()[0]` grows, no collection runs by itself. `gc.collect()` still works.',
      versions: ['3.x: the final collection at shutdown runs even when gc is disabled, but module globals are then finalized before the cycles.'],
    },
    'zh-cn': {
      summary: '关闭自动回收：无论 `get_count()[0]` 增长到多大，都不会自动回收。`gc.collect()` 仍然可用。',
      versions: ['3.x：即使 gc 被禁用，退出时的最后一次回收仍会运行，但此时模块全局变量会先于循环被终结。'],
    },
  },
  {
    name: 'gc.isenabled', signature: 'gc.isenabled() -> bool', kind: 'function',
    en: { summary: 'True when automatic collection is enabled.' },
    'zh-cn': { summary: '自动回收开启时为 True。' },
  },
  {
    name: 'gc.get_count', signature: 'gc.get_count() -> (count0, count1, count2)', kind: 'function',
    en: {
      summary: 'The collection counters. `count0` goes up at every allocation through the GC allocator (whether or not the object is tracked) and down when such an object is freed (if > 0); objects taken from or parked in a free list (lists, dicts, tuples) change neither. `count1` is the number of generation-0 collections since the last collection of generation ≥ 1, `count2` the number of generation-1 collections since the last full one. A collection runs when `count0` exceeds threshold 0.',
      versions: [
        'Exact traces differ between almost every pair of versions (hidden allocations: frames ≤3.10, bound methods in 3.6, argument tuples); 3.12 and 3.13 agree with equal thresholds.',
        '≤3.11: the automatic collection runs inside the allocation that crosses the threshold; 3.12/3.13: at the next eval-breaker check, so counts can overshoot.',
        '3.14: counts track events (young, old[visited], old[pending]).',
      ],
    },
    'zh-cn': {
      summary: '回收计数器。每次通过 GC 分配器分配对象（无论是否被跟踪），`count0` 加一；释放这样的对象时减一（若 > 0）；从空闲列表（list、dict、tuple）取出或放回的对象都不改变它。`count1` 是自上次第 1 代或更老的代回收以来第 0 代回收的次数，`count2` 是自上次完整回收以来第 1 代回收的次数。`count0` 超过阈值 0 时进行回收。',
      versions: [
        '几乎每两个版本之间的精确计数序列都不同（隐藏的分配：≤3.10 的帧对象、3.6 的绑定方法、参数元组）；阈值相同时 3.12 与 3.13 一致。',
        '≤3.11：自动回收在越过阈值的那次分配内部运行；3.12/3.13：在下一次 eval-breaker 检查时运行，因此计数可能超过阈值。',
        '3.14：计数的是跟踪事件（young、old[visited]、old[pending]）。',
      ],
    },
  },
  {
    name: 'gc.get_threshold', signature: 'gc.get_threshold() -> (threshold0, threshold1, threshold2)', kind: 'function',
    en: {
      summary: 'The collection thresholds. Generation i is collected when `count[i] > threshold[i]`, scanning from 2 down; generation 2 additionally needs the long-lived objects pending to exceed 25 % of those that survived the last full collection.',
      versions: ['2.7–3.12: (700, 10, 10).', '3.13: (2000, 10, 10).', '3.14: [0] is the young threshold (2000), [1] the rate at which the old generation is scanned, [2] is unused.'],
    },
    'zh-cn': {
      summary: '回收阈值。从第 2 代往下检查，`count[i] > threshold[i]` 时回收第 i 代；第 2 代还要求待处理的长期存活对象超过上次完整回收后存活对象的 25%。',
      versions: ['2.7–3.12：(700, 10, 10)。', '3.13：(2000, 10, 10)。', '3.14：[0] 是年轻代阈值（2000），[1] 是扫描老年代的速率，[2] 不再使用。'],
    },
  },
  {
    name: 'gc.set_threshold', signature: 'gc.set_threshold(threshold0[, threshold1[, threshold2]]) -> None', kind: 'function',
    en: {
      summary: 'Sets 1 to 3 thresholds; omitted ones are kept. There is no validation (`set_threshold(-1)` is accepted). `threshold0 == 0` disables automatic collection.',
      versions: ['≤3.12: errors read `set_threshold() takes at least 1 argument (0 given)` / `at most 3 arguments (4 given)`.', '3.13: `gc.set_threshold requires 1 to 3 arguments`.'],
    },
    'zh-cn': {
      summary: '设置 1 到 3 个阈值，省略的保持不变。不做校验（`set_threshold(-1)` 也被接受）。`threshold0 == 0` 关闭自动回收。',
      versions: ['≤3.12：错误信息为 `set_threshold() takes at least 1 argument (0 given)` / `at most 3 arguments (4 given)`。', '3.13：`gc.set_threshold requires 1 to 3 arguments`。'],
    },
  },
  {
    name: 'gc.get_debug', signature: 'gc.get_debug() -> int', kind: 'function',
    en: { summary: 'The debug flags set with `gc.set_debug()`.' },
    'zh-cn': { summary: '用 `gc.set_debug()` 设置的调试标志。' },
  },
  {
    name: 'gc.set_debug', signature: 'gc.set_debug(flags) -> None', kind: 'function',
    en: {
      summary: 'Sets the debug flags; their output goes to stderr. `DEBUG_STATS` prints `gc: collecting generation 2...`, the generation sizes and `gc: done, N unreachable, M uncollectable, T s elapsed`; `DEBUG_COLLECTABLE` prints `gc: collectable <T 0x…>` for each unreachable object before any finalizer runs; `DEBUG_SAVEALL` keeps all unreachable objects in `gc.garbage` instead of freeing them.',
      versions: [
        '2.7: the done line ends with `.`; `gc: done, Xs elapsed.` when nothing was found; object lines need `DEBUG_OBJECTS` or `DEBUG_INSTANCES`.',
        '3.6/3.7: `gc: done, Xs elapsed` when nothing was found; 3.8+: the counts are always printed.',
        '3.7+: a line `gc: objects in permanent generation: N`.',
      ],
    },
    'zh-cn': {
      summary: '设置调试标志，输出写到 stderr。`DEBUG_STATS` 打印 `gc: collecting generation 2...`、各代大小和 `gc: done, N unreachable, M uncollectable, T s elapsed`；`DEBUG_COLLECTABLE` 在任何终结器运行之前为每个不可达对象打印 `gc: collectable <T 0x…>`；`DEBUG_SAVEALL` 把所有不可达对象保存在 `gc.garbage` 中而不释放。',
      versions: [
        '2.7：done 行以 `.` 结尾；没有找到垃圾时为 `gc: done, Xs elapsed.`；对象行需要 `DEBUG_OBJECTS` 或 `DEBUG_INSTANCES`。',
        '3.6/3.7：没有找到垃圾时为 `gc: done, Xs elapsed`；3.8+：总是打印计数。',
        '3.7+：多一行 `gc: objects in permanent generation: N`。',
      ],
    },
  },
  {
    name: 'gc.get_stats', signature: 'gc.get_stats() -> list[dict]', kind: 'function', since: '3.4',
    en: {
      summary: 'One dict per generation with `collections`, `collected` and `uncollectable` since start-up.',
      versions: ['`collect(0)` of an instance self-cycle adds (1, 2, 0) to generation 0 on ≤3.10 and (1, 1, 0) on 3.11+.'],
    },
    'zh-cn': {
      summary: '每代一个字典，含启动以来的 `collections`、`collected` 和 `uncollectable`。',
      versions: ['对实例自环执行 `collect(0)`：≤3.10 给第 0 代加上 (1, 2, 0)，3.11+ 加上 (1, 1, 0)。'],
    },
  },
  {
    name: 'gc.is_tracked', signature: 'gc.is_tracked(obj) -> bool', kind: 'function',
    en: {
      summary: 'True when the collector tracks the object. Never tracked: int, str, bytes, float, None, `object()`, `()`. Always tracked: lists, sets, instances, classes, functions. Tuples built at run time are tracked, and a collection that examines one untracks it if all its items are atoms or untracked tuples. Dicts start untracked while they hold only atoms, become tracked when a container is inserted, and are untracked again only by a full collection.',
      versions: ['3.13: the materialised `__dict__` of an instance stays untracked, even with a list in it.'],
    },
    'zh-cn': {
      summary: '回收器跟踪该对象时为 True。从不跟踪：int、str、bytes、float、None、`object()`、`()`。总是跟踪：list、set、实例、类、函数。运行时创建的元组被跟踪，回收检查到它时，若所有元素都是原子对象或未跟踪的元组，就取消跟踪。字典只含原子对象时不被跟踪，插入容器后开始跟踪，之后只有完整回收才会再取消跟踪。',
      versions: ['3.13：实例被具体化的 `__dict__` 一直不被跟踪，即使其中放了一个列表。'],
    },
  },
  {
    name: 'gc.is_finalized', signature: 'gc.is_finalized(obj) -> bool', kind: 'function', since: '3.9',
    en: { summary: 'True once the collector has called the object\'s `__del__` (PEP 442): it is never called a second time by the collector.' },
    'zh-cn': { summary: '回收器已调用过该对象的 `__del__` 时为 True（PEP 442）：回收器不会第二次调用它。' },
  },
  {
    name: 'gc.get_objects', signature: 'gc.get_objects(generation=None) -> list', kind: 'function',
    en: {
      summary: 'The objects tracked by the collector, or those of one generation. A new list is in generation 0; `collect(0)` moves it to 1 and `collect(1)` to 2. Untracked objects are in no generation.',
      versions: ['3.8+: the `generation` argument.', '3.14: `get_objects(1)` is empty (there is no generation 1).'],
    },
    'zh-cn': {
      summary: '回收器跟踪的对象，或某一代中的对象。新建的列表在第 0 代；`collect(0)` 把它移到第 1 代，`collect(1)` 移到第 2 代。未跟踪的对象不属于任何一代。',
      versions: ['3.8+：支持 `generation` 参数。', '3.14：`get_objects(1)` 为空（没有第 1 代）。'],
    },
  },
  {
    name: 'gc.get_referents', signature: 'gc.get_referents(*objs) -> list', kind: 'function',
    en: {
      summary: 'The objects directly referred to by the arguments (what their traverse function visits).',
      versions: ['≤3.10: an instance refers to its `__dict__` and its type; 3.11+: to its attribute values directly and its type.'],
    },
    'zh-cn': {
      summary: '参数直接引用的对象（其 traverse 函数访问到的对象）。',
      versions: ['≤3.10：实例引用它的 `__dict__` 和类型；3.11+：直接引用各属性值和类型。'],
    },
  },
  {
    name: 'gc.get_referrers', signature: 'gc.get_referrers(*objs) -> list', kind: 'function',
    en: {
      summary: 'The tracked objects that refer to any of the arguments. Frames and untracked containers are not found.',
      versions: ['3.11/3.12: after `__dict__` was touched, the referrer of an attribute value is the dict; 3.13: it is the instance.'],
    },
    'zh-cn': {
      summary: '引用了任一参数的被跟踪对象。帧和未被跟踪的容器不会被找到。',
      versions: ['3.11/3.12：访问过 `__dict__` 后，属性值的引用者是该字典；3.13：是实例本身。'],
    },
  },
  {
    name: 'gc.freeze', signature: 'gc.freeze() -> None', kind: 'function', since: '3.7',
    en: {
      summary: 'Moves every tracked object of all generations into the permanent generation, which collections ignore: an unreachable cycle frozen this way is not found by `collect()` until `unfreeze()`.',
      versions: ['3.12.1 starts with 375 objects (tuples) already frozen; 3.13.0 with none.'],
    },
    'zh-cn': {
      summary: '把所有代中被跟踪的对象移入永久代，回收会忽略永久代：这样冻结的不可达循环在 `unfreeze()` 之前不会被 `collect()` 找到。',
      versions: ['3.12.1 启动时已有 375 个对象（元组）被冻结；3.13.0 为 0。'],
    },
  },
  {
    name: 'gc.unfreeze', signature: 'gc.unfreeze() -> None', kind: 'function', since: '3.7',
    en: { summary: 'Moves the permanent generation back into the oldest generation; the next full `collect()` finds what became unreachable meanwhile.' },
    'zh-cn': { summary: '把永久代移回最老的一代；下一次完整 `collect()` 会找到期间变得不可达的对象。' },
  },
  {
    name: 'gc.get_freeze_count', signature: 'gc.get_freeze_count() -> int', kind: 'function', since: '3.7',
    en: { summary: 'The number of objects in the permanent generation.', versions: ['3.12.1: 375 at start-up; 3.13.0: 0.'] },
    'zh-cn': { summary: '永久代中的对象个数。', versions: ['3.12.1：启动时为 375；3.13.0：0。'] },
  },
  {
    name: 'gc.garbage', signature: 'gc.garbage: list', kind: 'variable',
    en: {
      summary: 'Objects the collector found unreachable but could not free, and, with `DEBUG_SAVEALL`, every unreachable object (they are not freed). Objects left here at shutdown trigger a `ResourceWarning`; with `DEBUG_UNCOLLECTABLE` their list is printed to stderr.',
      versions: ['2.7: objects of a cycle that have `__del__` land here, uncalled.', '3.4+: only with `DEBUG_SAVEALL` (or C objects with a legacy `tp_del`): Python `__del__` no longer prevents collection.'],
    },
    'zh-cn': {
      summary: '回收器发现不可达但无法释放的对象；设置 `DEBUG_SAVEALL` 时则是所有不可达对象（不会被释放）。退出时仍留在这里的对象会触发 `ResourceWarning`；设置了 `DEBUG_UNCOLLECTABLE` 时，它们的列表被打印到 stderr。',
      versions: ['2.7：循环中带 `__del__` 的对象进入这里，`__del__` 不被调用。', '3.4+：只有设置 `DEBUG_SAVEALL`（或带旧式 `tp_del` 的 C 对象）时才会进入：Python 的 `__del__` 不再阻止回收。'],
    },
  },
  {
    name: 'gc.callbacks', signature: 'gc.callbacks: list', kind: 'variable', since: '3.3',
    en: { summary: 'Callables called as `callback(phase, info)` before (`"start"`) and after (`"stop"`) each collection; `info` has `generation`, `collected` and `uncollectable` (0 at start). Not called for the collections at shutdown.' },
    'zh-cn': { summary: '每次回收之前（`"start"`）和之后（`"stop"`）以 `callback(phase, info)` 调用的可调用对象；`info` 含 `generation`、`collected` 和 `uncollectable`（开始时为 0）。退出时的回收不会调用它们。' },
  },
  ...debugFlag('DEBUG_STATS', 1, 'Print statistics during collections: the header, the generation sizes and the done line.', '回收时打印统计信息：开头行、各代大小和 done 行。'),
  ...debugFlag('DEBUG_COLLECTABLE', 2, 'Print `gc: collectable <T 0x…>` for each collectable object found.', '为找到的每个可回收对象打印 `gc: collectable <T 0x…>`。'),
  ...debugFlag('DEBUG_UNCOLLECTABLE', 4, 'Print `gc: uncollectable <T 0x…>` for each object that cannot be freed (in 3.x only C objects with a legacy `tp_del`).', '为每个无法释放的对象打印 `gc: uncollectable <T 0x…>`（3.x 中只有带旧式 `tp_del` 的 C 对象）。'),
  ...debugFlag('DEBUG_SAVEALL', 32, 'Append every unreachable object to `gc.garbage` instead of freeing it (they still count as collected).', '把每个不可达对象追加到 `gc.garbage` 而不释放（仍计为已回收）。'),
  ...debugFlag('DEBUG_INSTANCES', 8, 'Python 2.7 only: with COLLECTABLE/UNCOLLECTABLE, print old-style instances.', '仅 Python 2.7：与 COLLECTABLE/UNCOLLECTABLE 一起使用时打印旧式类的实例。', '2.7'),
  ...debugFlag('DEBUG_OBJECTS', 16, 'Python 2.7 only: with COLLECTABLE/UNCOLLECTABLE, print objects other than old-style instances.', '仅 Python 2.7：与 COLLECTABLE/UNCOLLECTABLE 一起使用时打印旧式实例以外的对象。', '2.7'),
  ...debugFlag('DEBUG_LEAK', 38, 'The flags for a leaking program: COLLECTABLE | UNCOLLECTABLE | SAVEALL (38); in 2.7 also INSTANCES and OBJECTS (62).', '用于排查泄漏的组合：COLLECTABLE | UNCOLLECTABLE | SAVEALL（38）；2.7 中还包括 INSTANCES 和 OBJECTS（62）。'),
];

function debugFlag(name: string, value: number, en: string, zh: string, until?: string): ApiDoc[] {
  return [{
    name: `gc.${name}`, signature: `gc.${name} = ${value}`, kind: 'constant', until,
    en: { summary: en }, 'zh-cn': { summary: zh },
  }];
}
