import type { OpName } from '@mg/engine'
import type { BackwardPlan, Contribution } from './backward-plan.js'
import { equationOf, localFormula, nameOf } from './chain-rule.js'
import { formatNumber } from './format-number.js'
import { LOCAL_DERIVATIVES } from './local-derivatives.js'

/** What the page says about a typed gradient. */
export interface Judgement {
  readonly correct: boolean
  readonly message: string
}

/**
 * Whether a typed gradient counts as right: within 1e-6 of the true one, relative to it when it is
 * larger than 1 (so 645.5773 needs about the digits the graph shows, plus two).
 */
export function isCloseEnough(typed: number, expected: number): boolean {
  return Math.abs(typed - expected) <= 1e-6 * Math.max(1, Math.abs(expected))
}

/**
 * Judges the gradient a learner typed for node `index` of `plan` (after the whole backward pass).
 * A wrong answer is explained with the local derivatives that apply, and with the likely slip when
 * one fits (the data instead of the grad, one use of a value used twice, the sign, the local
 * derivative without the gradient flowing in), without giving the answer away.
 */
export function judgeGradient(plan: BackwardPlan, index: number, typed: number): Judgement {
  const expected = plan.gradsAfter(plan.steps.length)[index]!
  const name = nameOf(plan.nodes[index]!)
  if (isCloseEnough(typed, expected))
    return { correct: true, message: `Right: ${name}.grad = ${formatNumber(expected)}.` }
  const slip = likelySlip(plan, index, typed, expected)
  return {
    correct: false,
    message: `Not quite. ${slip ? `${slip} ` : ''}${gradientRule(plan, index)}`,
  }
}

/** How node `index`'s gradient is made: from the seed, or from the local derivative of each use. */
function gradientRule(plan: BackwardPlan, index: number): string {
  const node = plan.nodes[index]!
  const name = nameOf(node)
  if (index === plan.nodes.length - 1)
    return `${name} is the output: its gradient is d${name}/d${name} = 1, the seed of the backward pass.`
  const uses = usesOf(plan, index)
  const terms = uses.map(
    ({ step, contribution }) =>
      `${localFormula(plan.nodes[step.node]!, contribution.slot)} × ${nameOf(plan.nodes[step.node]!)}.grad`,
  )
  if (uses.length === 1) {
    const user = plan.nodes[uses[0]!.step.node]!
    const { rule } = LOCAL_DERIVATIVES[user.op as OpName]
    return `${name} is used once, in ${equationOf(user)}: ${rule}. So ${name}.grad = ${terms[0]}.`
  }
  const where = [...new Set(uses.map(({ step }) => equationOf(plan.nodes[step.node]!)))].join('; ')
  return `${name} is used ${uses.length} times (${where}), and the gradients of its uses add up (+=): ${name}.grad = ${terms.join(' + ')}.`
}

function usesOf(plan: BackwardPlan, index: number) {
  return plan.steps.flatMap((step) =>
    step.contributions
      .filter((contribution) => contribution.child === index)
      .map((contribution: Contribution) => ({ step, contribution })),
  )
}

function likelySlip(
  plan: BackwardPlan,
  index: number,
  typed: number,
  expected: number,
): string | undefined {
  const node = plan.nodes[index]!
  const name = nameOf(node)
  const uses = usesOf(plan, index)
  const near = (value: number) => isCloseEnough(typed, value)
  if (near(node.data) && !near(expected))
    return `That is ${name}.data, its value, not its gradient.`
  if (uses.length > 1 && uses.some(({ contribution }) => near(contribution.amount)))
    return `That is what one use sends back, but ${name} is used ${uses.length} times.`
  if (expected !== 0 && near(-expected)) return 'The size is right but the sign is not.'
  const [use] = uses
  if (uses.length === 1 && use!.contribution.upstream !== 1 && near(use!.contribution.local))
    return `That is the local derivative alone: the chain rule multiplies it by ${nameOf(plan.nodes[use!.step.node]!)}.grad.`
  if (Math.abs(typed - expected) <= 5e-5 * Math.max(1, Math.abs(expected)))
    return 'Close: right to the digits the graph shows, but the check wants 1e-6. Type more digits, or an expression of the names (each stands for its data).'
  return undefined
}
