// A scenario that builds a big heap for the panel's performance figures:
// `pairs` pairs of instances in 2-cycles kept alive by a list, then a few
// statements that change a handful of objects each (the steps measured).

export function bigHeapSource(pairs: number): string {
  return `class Node:
    def __init__(self, i):
        self.i = i
        self.other = None


nodes = []
i = 0
while i < ${pairs}:
    a = Node(i)
    b = Node(-i)
    a.other = b
    b.other = a
    nodes.append(a)
    i += 1
del a, b
x = Node(-1)
x.other = nodes[0]
nodes[1].other = x
y = [x, nodes[2]]
del x
z = {'k': y}
del y
w = Node(-2)
w.other = w
del w
q = [nodes[3], nodes[4]]
del q
`;
}
