// Hover texts of the `sys` and `weakref` members a scenario can use (facts
// from the oracle's SPEC.md; the members are those the engine provides).
import type { ApiDoc } from './api-docs';

const plain = (name: string, signature: string, kind: ApiDoc['kind'], en: string, zh: string): ApiDoc =>
  ({ name, signature, kind, en: { summary: en }, 'zh-cn': { summary: zh } });

const notSimulated = (name: string, signature: string): ApiDoc => ({
  name, signature, kind: 'class', unsupported: true,
  en: { summary: `Not simulated by PyGC Lab: calling \`${name}\` stops the scenario with a NotSupportedError. Use \`weakref.ref\`.` },
  'zh-cn': { summary: `PyGC Lab 不模拟它：调用 \`${name}\` 会以 NotSupportedError 停止场景。请使用 \`weakref.ref\`。` },
});

export const SYS_WEAKREF_DOCS: ApiDoc[] = [
  {
    name: 'sys.getrefcount', signature: 'sys.getrefcount(obj) -> int', kind: 'function',
    en: {
      summary: 'The object\'s reference count, **including the reference held by the call\'s own argument**. A module global gives 2 (the globals dict + the argument), a function local too. Each alias, list slot, dict key or value, tuple item, attribute, bound method or `for` variable adds 1; a temporary such as `sys.getrefcount([])` gives 1.',
      versions: [
        '≤3.10: the caller keeps its stack reference during a call, so a global `x` shows 4 inside `f(x)`; 3.11+: arguments are moved into the callee\'s frame, it shows 3.',
        '2.7–3.10: shared objects (None, small ints, True) have ordinary counts that depend on start-up.',
        '3.11: statically allocated objects (small ints −5…256, `()`, `\'\'`, 1-character strings) count from 999 999 999; None and True are ordinary.',
        '3.12/3.13 (PEP 683): immortal objects report 4294967295 and aliasing does not change it.',
        '3.14: immortal objects report 3221225472 (3 << 30); borrowed local loads may show 1 less inside functions.',
      ],
    },
    'zh-cn': {
      summary: '对象的引用计数，**包括调用本身的参数所持有的那个引用**。模块全局变量得到 2（全局字典 + 参数），函数局部变量也是 2。每个别名、列表元素、字典的键或值、元组元素、属性、绑定方法或 `for` 循环变量各加 1；临时对象如 `sys.getrefcount([])` 得到 1。',
      versions: [
        '≤3.10：调用期间调用者保留其栈上的引用，因此全局变量 `x` 在 `f(x)` 内显示 4；3.11+：参数被移入被调用者的帧，显示 3。',
        '2.7–3.10：共享对象（None、小整数、True）的计数是普通的，取决于启动过程。',
        '3.11：静态分配的对象（小整数 −5…256、`()`、`\'\'`、单字符字符串）从 999 999 999 开始计数；None 和 True 是普通的。',
        '3.12/3.13（PEP 683）：永生对象报告 4294967295，增加别名也不改变它。',
        '3.14：永生对象报告 3221225472（3 << 30）；函数内借用式加载局部变量时可能少 1。',
      ],
    },
  },
  plain('sys.getsizeof', 'sys.getsizeof(obj) -> int', 'function',
    'The size of the object itself in bytes (not of the objects it refers to), as CPython reports it.',
    '对象本身的字节大小（不含它引用的对象），与 CPython 报告的一致。'),
  plain('sys.getrecursionlimit', 'sys.getrecursionlimit() -> int', 'function',
    'The maximum depth of the Python call stack.', 'Python 调用栈的最大深度。'),
  plain('sys.setrecursionlimit', 'sys.setrecursionlimit(limit) -> None', 'function',
    'Sets the maximum depth of the Python call stack (at least 1).', '设置 Python 调用栈的最大深度（至少为 1）。'),
  plain('sys.intern', 'sys.intern(string) -> str', 'function',
    'Returns the interned copy of the string.', '返回字符串的驻留副本。'),
  plain('sys.exit', 'sys.exit([status]) -> NoReturn', 'function',
    'Raises `SystemExit`: the scenario ends with that status once the exception propagates.', '抛出 `SystemExit`：异常传播出去后，场景以该状态结束。'),
  plain('sys.is_finalizing', 'sys.is_finalizing() -> bool', 'function',
    'True while the interpreter shuts down (for example inside a `__del__` run at exit).', '解释器正在退出时为 True（例如在退出时运行的 `__del__` 中）。'),
  plain('sys.exc_info', 'sys.exc_info() -> (type, value, traceback)', 'function',
    'The exception being handled, or `(None, None, None)`.', '正在处理的异常，或 `(None, None, None)`。'),
  plain('sys.stdout', 'sys.stdout', 'variable', 'Standard output; `print` writes here.', '标准输出；`print` 写到这里。'),
  plain('sys.stderr', 'sys.stderr', 'variable',
    'Standard error: gc debug lines, tracebacks and "Exception ignored in" reports go here.',
    '标准错误：gc 调试行、回溯和 "Exception ignored in" 报告写到这里。'),
  plain('sys.version_info', 'sys.version_info', 'variable',
    'The simulated CPython version as a tuple (major, minor, micro).', '所模拟的 CPython 版本，元组 (major, minor, micro)。'),
  plain('sys.version', 'sys.version', 'variable', 'The simulated CPython version as a string.', '所模拟的 CPython 版本字符串。'),
  plain('sys.maxsize', 'sys.maxsize', 'variable', 'The largest index of a container: 2**63 − 1.', '容器的最大下标：2**63 − 1。'),
  plain('sys.platform', 'sys.platform', 'variable', 'Always `\'linux\'` in the simulation.', '模拟中总是 `\'linux\'`。'),
  plain('sys.argv', 'sys.argv', 'variable', 'The command line: the scenario\'s path only.', '命令行：只有场景的路径。'),
  {
    name: 'weakref.ref', signature: 'weakref.ref(obj[, callback]) -> weakref', kind: 'class',
    en: {
      summary: 'A weak reference: it does not add to `obj`\'s refcount. Calling it returns the object, or None once the object is gone. `callback(ref)` runs when the object is about to be freed. A callback-less reference to the same object is reused.',
      versions: [
        'Refcount death, 3.x: `__del__` runs first (the weakref still works inside it), then the callback; 2.7: the weakref is cleared and the callback runs first.',
        'Cyclic garbage: callbacks of weakrefs outside the garbage run before any `__del__`; a weakref that is itself garbage gets no callback; inside `__del__` weakrefs to the garbage already return None (3.6–3.13).',
        'Newer sources (GH-135552): weakrefs without callbacks are cleared only after the finalizers.',
      ],
    },
    'zh-cn': {
      summary: '弱引用：不增加 `obj` 的引用计数。调用它返回该对象，对象消失后返回 None。对象即将被释放时运行 `callback(ref)`。指向同一对象的无回调弱引用会被复用。',
      versions: [
        '引用计数归零，3.x：先运行 `__del__`（其中弱引用仍然有效），再运行回调；2.7：先清除弱引用并运行回调。',
        '循环垃圾：垃圾之外的弱引用的回调在任何 `__del__` 之前运行；本身也是垃圾的弱引用不会得到回调；在 `__del__` 中指向垃圾的弱引用已经返回 None（3.6–3.13）。',
        '较新的源码（GH-135552）：没有回调的弱引用在终结器之后才被清除。',
      ],
    },
  },
  plain('weakref.ReferenceType', 'weakref.ReferenceType', 'class', 'The type of `weakref.ref` objects.', '`weakref.ref` 对象的类型。'),
  plain('weakref.getweakrefcount', 'weakref.getweakrefcount(obj) -> int', 'function',
    'The number of weak references to the object.', '指向该对象的弱引用个数。'),
  plain('weakref.getweakrefs', 'weakref.getweakrefs(obj) -> list', 'function',
    'The weak references to the object, in CPython\'s weak-reference list order.', '指向该对象的弱引用，按 CPython 弱引用链表的顺序。'),
  notSimulated('weakref.proxy', 'weakref.proxy(obj[, callback])'),
  notSimulated('weakref.finalize', 'weakref.finalize(obj, func, *args, **kwargs)'),
  notSimulated('weakref.WeakValueDictionary', 'weakref.WeakValueDictionary()'),
  notSimulated('weakref.WeakKeyDictionary', 'weakref.WeakKeyDictionary()'),
  notSimulated('weakref.WeakSet', 'weakref.WeakSet()'),
];
