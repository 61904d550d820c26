import { InvalidOptionError } from './errors.js'
import { Value } from './value.js'

/**
 * Lists every node that `root` depends on, inputs before the values computed from them, ending
 * with `root`. The walk is iterative, so a graph a million nodes deep needs no call stack, and the
 * order is deterministic: children are visited in the order they were given to their op. It is the
 * post-order of micrograd's recursive `build_topo`, but micrograd loops over `self._prev`, a Python
 * `set`, so its siblings come in the set's hash order, which can change from run to run; any
 * topological order gives the same gradients, up to the rounding of sums.
 *
 * @throws {@link InvalidOptionError} if `root` is not a `Value`.
 */
export function topologicalSort(root: Value): Value[] {
  checkRoot(root, 'topologicalSort')
  // A fresh token per walk marks nodes as seen; unlike a counter it cannot collide across copies of this module.
  const walk = {}
  const order: Value[] = []
  root._visit = walk
  const stack: Value[] = [root]
  const nextChild: number[] = [0]
  while (stack.length > 0) {
    const top = stack.length - 1
    const node = stack[top]!
    const index = nextChild[top]!
    const children = node.children
    if (index < children.length) {
      nextChild[top] = index + 1
      const child = children[index]!
      if (child._visit !== walk) {
        child._visit = walk
        stack.push(child)
        nextChild.push(0)
      }
    } else {
      stack.pop()
      nextChild.pop()
      order.push(node)
    }
  }
  return order
}

/** Throws unless `root`, the argument of `functionName`, is a `Value`. */
export function checkRoot(root: unknown, functionName: string): void {
  if (!(root instanceof Value))
    throw new InvalidOptionError('root', root, 'a Value, such as a loss', '', { functionName })
}
