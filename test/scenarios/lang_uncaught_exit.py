# An uncaught exception ends the script: its traceback keeps the frames it passed
# through, and their locals, alive as sys.last_value until the interpreter's
# finalisation clears sys.last_*, after the final collection and before the
# module's globals go.
# requires: 2.7
from __future__ import print_function


class Z(object):
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('del', self.n)


g = Z('global')


def inner(x):
    y = Z('inner local')
    raise ValueError('x')


def outer():
    z = Z('outer local')
    inner(z)


print('start')
outer()
