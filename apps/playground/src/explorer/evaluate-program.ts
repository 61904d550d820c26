import { MgError } from '@mg/common'
import { NonFiniteGradientError, NonFiniteResultError, topologicalSort, Value } from '@mg/engine'
import type { ProgramPlan } from './analyze-program.js'
import { isWord } from './chain-rule.js'
import { ExpressionValueError } from './expression-errors.js'
import { printExpression } from './print-program.js'
import type { Expression, Span } from './syntax.js'

/** More values than this make a picture nobody can follow: the text is refused with a note. */
const MAX_GRAPH_NODES = 150

/** Marks of a name's second, third and fourth definitions: `c`, `c′`, `c″`, `c‴`. */
const PRIMES = ['', '′', '″', '‴']

/** A program evaluated with `Value`s: the graph the engine built, with every node labelled. */
export interface ExpressionGraph {
  /** The value of the last statement. */
  readonly output: Value
  /** Every value the output depends on, in topological order (inputs first, output last). */
  readonly nodes: readonly Value[]
  /** The leaf of each input, by name. */
  readonly inputs: ReadonlyMap<string, Value>
  /** The value each name holds after the last line. */
  readonly names: ReadonlyMap<string, Value>
  /** Names the text defines that the output does not use. */
  readonly unused: readonly string[]
}

/**
 * The value each input takes: the one given in `values`, else the one written in the text, else 1.
 */
export function inputValues(
  plan: ProgramPlan,
  values: ReadonlyMap<string, number>,
): Map<string, number> {
  return new Map(
    plan.inputs.map((input) => [input.name, values.get(input.name) ?? input.declared ?? 1]),
  )
}

/** A labelled leaf for each input, holding the value {@link inputValues} gives it. */
export function inputLeaves(
  plan: ProgramPlan,
  values: ReadonlyMap<string, number>,
): Map<string, Value> {
  const leaves = new Map<string, Value>()
  for (const [name, value] of inputValues(plan, values))
    leaves.set(name, new Value(value, { label: name }))
  return leaves
}

/**
 * Runs a program on `Value`s made from the inputs' values and calls `backward()` on its output, so
 * every node holds the engine's own data and grad. Each value is labelled as the lecture would:
 * with its name (a redefined name gets a prime: `c`, `c′`), or else with its own text (`a*b`);
 * constants by their number.
 *
 * @throws {@link ExpressionValueError} when a value or gradient is not a finite number (`log(0)`,
 *   a division by 0), or the graph has more than {@link MAX_GRAPH_NODES} values.
 */
export function buildGraph(
  plan: ProgramPlan,
  values: ReadonlyMap<string, number>,
): ExpressionGraph {
  const graph = evaluateProgram(plan, inputLeaves(plan, values))
  try {
    graph.output.backward()
  } catch (error) {
    if (!(error instanceof NonFiniteGradientError)) throw error
    throw new ExpressionValueError(
      { start: 0, end: 0 },
      `The gradient of ${error.label || 'a value'} is ${error.grad}, not a finite number, at these inputs: change an input.`,
      { cause: error },
    )
  }
  return graph
}

/**
 * Runs a program on the given input leaves (one per input of `plan`), building the engine's graph.
 * It does not call `backward()`, so it also serves finite differences and `gradcheck`.
 *
 * @throws {@link ExpressionValueError} as {@link buildGraph} does for values.
 */
export function evaluateProgram(
  plan: ProgramPlan,
  leaves: ReadonlyMap<string, Value>,
): ExpressionGraph {
  const names = new Map(leaves)
  const definitions = new Map<string, number>([...leaves.keys()].map((name) => [name, 1]))
  const text = (expression: Expression) =>
    printExpression(expression, (reference) => names.get(reference.name)?.label ?? reference.name)
  const evaluate = (expression: Expression): Value => {
    switch (expression.kind) {
      case 'number':
        return new Value(expression.value, { label: String(expression.value) })
      case 'name':
        return names.get(expression.name)!
      case 'call': {
        const argument = evaluate(expression.argument)
        return computed(expression, () => callFunction(argument, expression.name))
      }
      case 'negate': {
        if (expression.operand.kind === 'number') {
          const value = -expression.operand.value
          return new Value(value, { label: String(value) })
        }
        const operand = evaluate(expression.operand)
        return computed(expression, () => operand.neg())
      }
      case 'binary': {
        const left = evaluate(expression.left)
        const right = evaluate(expression.right)
        const { operator } = expression
        return computed(expression, () => {
          if (operator === '+') return left.add(right)
          if (operator === '*') return left.mul(right)
          if (operator === '**') return left.pow(right)
          // sub and div are built from primitives (add of a negation, mul by a power of -1):
          // name the hidden middle value after what it is (there is none when no graph is recorded).
          const result = operator === '-' ? left.sub(right) : left.div(right)
          const hidden = result.children[1]
          if (hidden)
            hidden.label = operator === '-' ? `-${wrap(right.label)}` : `${wrap(right.label)}**-1`
          return result
        })
      }
    }
  }
  const computed = (expression: Expression, make: () => Value): Value => {
    try {
      const value = make()
      value.label = text(expression)
      return value
    } catch (error) {
      throw valueError(expression.span, text(expression), error)
    }
  }
  let output: Value | undefined
  for (const statement of plan.program.statements) {
    const { target } = statement
    if (!plan.computations.includes(statement)) {
      output = leaves.get(target!.name)!
      continue
    }
    const value = evaluate(statement.expression)
    if (target) {
      // `e = a` gives a second name to a's value; anything else made a value of its own to name.
      if (statement.expression.kind !== 'name') {
        const count = definitions.get(target.name) ?? 0
        definitions.set(target.name, count + 1)
        value.label = `${target.name}${PRIMES[count] ?? '′'.repeat(count)}`
      }
      names.set(target.name, value)
    }
    output = value
  }
  return finish(output!, plan, names)
}

/** Labels the constants the engine made inside `neg`, `sub` and `div`, and checks the size. */
function finish(
  output: Value,
  plan: ProgramPlan,
  names: ReadonlyMap<string, Value>,
): ExpressionGraph {
  const nodes = topologicalSort(output)
  if (nodes.length > MAX_GRAPH_NODES)
    throw new ExpressionValueError(
      { start: 0, end: 0 },
      `This makes ${nodes.length} values, more than the ${MAX_GRAPH_NODES} a picture can show legibly: try a smaller expression.`,
    )
  for (const node of nodes) if (node.op === '' && node.label === '') node.label = String(node.data)
  const reached = new Set(nodes)
  const inputs = new Map(plan.inputs.map(({ name }) => [name, names.get(name)!]))
  const unused = [...names.entries()]
    .filter(([name, value]) => !reached.has(value) && !inputs.has(name))
    .map(([name]) => name)
  return { output, nodes, inputs, names, unused }
}

/** Applies the engine's one-input op `name` (a `Value` method of that name, as every op of `OPS` has). */
function callFunction(argument: Value, name: string): Value {
  const method: unknown = (argument as unknown as Record<string, unknown>)[name]
  if (typeof method !== 'function')
    throw new ExpressionValueError(
      { start: 0, end: 0 },
      `The engine lists the op "${name}" but Value has no method of that name.`,
    )
  return method.call(argument) as Value
}

/** A label as an operand of a longer label: bare if it is a name or a number, else in ( ). */
function wrap(label: string): string {
  return isWord(label) || /^\d[\d.e+-]*$/.test(label) ? label : `(${label})`
}

function valueError(span: Span, text: string, error: unknown): ExpressionValueError {
  if (!(error instanceof MgError)) throw error
  const reason =
    error instanceof NonFiniteResultError
      ? `it would be ${error.result} (${error.op} of ${error.inputs.join(' and ')})`
      : error.message
  return new ExpressionValueError(
    span,
    `${text} cannot be computed at these inputs: ${reason}, and the engine keeps every value a finite number. Change an input or the expression.`,
    { cause: error },
  )
}
