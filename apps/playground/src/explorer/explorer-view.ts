import './explorer.css'
import { bindShortcuts } from '../ui/shortcuts.js'
import { analyzeProgram, type ProgramPlan } from './analyze-program.js'
import { BackwardPanel } from './backward-panel.js'
import { type BackwardPlan, planBackward } from './backward-plan.js'
import { judgeGradient } from './by-hand.js'
import { ByHandPanel, type HandAnswer } from './by-hand-panel.js'
import { isConstant, nameOf } from './chain-rule.js'
import { evaluateAnswer } from './evaluate-answer.js'
import { buildGraph, type ExpressionGraph } from './evaluate-program.js'
import markup from './explorer.html?raw'
import { decodeExplorerLink, encodeExplorerLink, type GradUpdate } from './explorer-link.js'
import { ExpressionEditor } from './expression-editor.js'
import { ExpressionSyntaxError, ExpressionValueError } from './expression-errors.js'
import { formatNumber } from './format-number.js'
import { GraphPicture } from './graph-picture.js'
import { InputsPanel } from './inputs-panel.js'
import { NudgePanel } from './nudge-panel.js'
import { parseProgram } from './parse-program.js'
import { PRESETS } from './presets.js'
import { FUNCTION_NAMES } from './syntax.js'

/** An expression that reads and computes, with both versions of its backward pass. */
interface Loaded {
  readonly plan: ProgramPlan
  readonly graph: ExpressionGraph
  readonly passes: Record<GradUpdate, BackwardPlan>
  /** The gradients the by-hand mode asks for: every node but the constants, output first. */
  readonly asked: readonly number[]
}

/**
 * Builds the backprop explorer inside `section` and starts it from the address's fragment `hash`
 * (a link), or from the lecture's `L = d*f`. `onLink` hears the fragment after every change, for
 * the address bar.
 */
export function mountExplorer(
  section: HTMLElement,
  hash: string,
  onLink: (hash: string) => void,
): void {
  section.innerHTML = markup
  const byId = <T extends HTMLElement>(id: string) => section.querySelector<T>(`#${id}`)!
  const grid = section.firstElementChild as HTMLElement
  let loaded: Loaded | undefined
  let values = new Map<string, number>()
  let step = 0
  let mode: 'step' | 'hand' = 'step'
  let update: GradUpdate = 'accumulate'
  let answers = new Map<number, HandAnswer>()
  let focused: number | undefined
  let notes: string[] = []

  const editor = new ExpressionEditor(byId('explorer-text'), byId('explorer-problem'), (text) =>
    load(text, undefined),
  )
  const picture = new GraphPicture(byId('explorer-graph'))
  const inputs = new InputsPanel(byId('explorer-inputs'), (name, value) => {
    values.set(name, value)
    if (loaded) rebuild(loaded.plan, step)
  })
  const nudge = new NudgePanel({
    select: byId('explorer-nudge-input'),
    step: byId('explorer-nudge-h'),
    table: byId('explorer-nudge-table'),
  })
  const backward = new BackwardPanel(
    {
      lines: byId('explorer-lines'),
      order: byId('explorer-order'),
      count: byId('explorer-step-count'),
      assignNote: byId('explorer-assign-note'),
      first: byId('explorer-first'),
      back: byId('explorer-back'),
      step: byId('explorer-step'),
      end: byId('explorer-end'),
    },
    (target) => go(target),
  )
  const byHand = new ByHandPanel(
    { list: byId('explorer-hand-list'), progress: byId('explorer-hand-progress') },
    {
      onCheck: (index, text) => check(index, text),
      onReveal: (index) => {
        const right = loaded!.passes.accumulate.gradsAfter(Number.POSITIVE_INFINITY)[index]!
        answers.set(index, {
          typed: formatNumber(right, 8),
          correct: false,
          revealed: true,
          message: `Revealed: ${nameOf(loaded!.graph.nodes[index]!)}.grad = ${formatNumber(right, 8)}.`,
        })
        render()
      },
      onFocus: (index) => {
        focused = index
        paint()
        picture.reveal(index)
      },
    },
  )

  byId('explorer-text-help').textContent =
    `One statement per line (or ;). A name set to a number, like a = 2, is an input with a slider. Operators + - * / ** and ( ); functions ${FUNCTION_NAMES.join(', ')}.`
  byId('explorer-presets').append(
    ...PRESETS.map((preset) => {
      const button = document.createElement('button')
      button.type = 'button'
      button.className = 'button small preset'
      button.textContent = preset.title
      button.dataset.preset = preset.id
      button.addEventListener('click', () => {
        notes = []
        editor.text = preset.text
        load(preset.text, new Map())
      })
      return button
    }),
  )
  for (const radio of section.querySelectorAll<HTMLInputElement>('input[name="explorer-mode"]'))
    radio.addEventListener('change', () => {
      mode = radio.value === 'hand' ? 'hand' : 'step'
      focused = undefined
      render()
    })
  byId<HTMLInputElement>('explorer-assign').addEventListener('change', (event) => {
    update = (event.target as HTMLInputElement).checked ? 'assign' : 'accumulate'
    render()
  })
  byId('explorer-first').addEventListener('click', () => go(0))
  byId('explorer-back').addEventListener('click', () => go(step - 1))
  byId('explorer-step').addEventListener('click', () => go(step + 1))
  byId('explorer-end').addEventListener('click', () => go(Number.POSITIVE_INFINITY))
  // N, B and E step the pass from anywhere in the view (as the buttons' titles say).
  const stepBy = (target: () => number) => () => {
    if (mode === 'step') go(target())
  }
  bindShortcuts(
    {
      n: stepBy(() => step + 1),
      b: stepBy(() => step - 1),
      e: stepBy(() => Number.POSITIVE_INFINITY),
    },
    section,
  )

  const { link, problems } = decodeExplorerLink(hash)
  notes =
    problems.length > 0
      ? [
          `Parts of this link could not be used and were left at their defaults: ${problems.join('; ')}.`,
        ]
      : []
  mode = link.mode ?? 'step'
  update = link.update ?? 'accumulate'
  section.querySelector<HTMLInputElement>(`input[name="explorer-mode"][value="${mode}"]`)!.checked =
    true
  byId<HTMLInputElement>('explorer-assign').checked = update === 'assign'
  const text = link.text ?? PRESETS.find((preset) => preset.id === 'L')!.text
  editor.text = text
  load(text, link.values ?? new Map(), link.step ?? 0)

  /**
   * Reads the text. `given` values (a preset's or a link's) replace the page's; without them, an
   * edit keeps each input's value unless the text's starting value for it changed.
   */
  function load(text: string, given: ReadonlyMap<string, number> | undefined, at = 0): void {
    let plan: ProgramPlan
    try {
      plan = analyzeProgram(parseProgram(text))
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error
      fail(error, true)
      return
    }
    const before = new Map(loaded?.plan.inputs.map((input) => [input.name, input.declared]))
    values = new Map(
      plan.inputs.map(({ name, declared }) => {
        const kept =
          given === undefined && before.get(name) === declared ? values.get(name) : undefined
        return [name, given?.get(name) ?? kept ?? declared ?? 1]
      }),
    )
    rebuild(plan, at)
  }

  /** Runs the program at the current values and draws it, at backward step `at`. */
  function rebuild(plan: ProgramPlan, at: number): void {
    let graph: ExpressionGraph
    try {
      graph = buildGraph(plan, values)
    } catch (error) {
      if (!(error instanceof ExpressionValueError)) throw error
      inputs.show(plan.inputs.map(({ name }) => ({ name, value: values.get(name)! })))
      fail(error, false)
      return
    }
    editor.showProblem(undefined)
    grid.classList.remove('is-stale', 'is-stale-all')
    for (const card of grid.children) (card as HTMLElement).inert = false
    const passes = {
      accumulate: planBackward(graph.output),
      assign: planBackward(graph.output, { accumulate: false }),
    }
    const asked = graph.nodes.flatMap((node, index) => (isConstant(node) ? [] : [index])).reverse()
    loaded = { plan, graph, passes, asked }
    const total = passes.accumulate.steps.length
    if (at > total)
      notes.push(`The link’s step ${at} is past the end: this expression has ${total} steps.`)
    step = Math.min(at, total)
    answers = new Map()
    focused = undefined
    void picture.draw(graph.output, graph.nodes, widestGrads(passes)).then((drawn) => {
      if (drawn) paint()
    })
    render()
  }

  /** Shows a mistake and greys out what it leaves out of date: nothing is drawn half-way. */
  function fail(error: ExpressionSyntaxError | ExpressionValueError, all: boolean): void {
    editor.showProblem(error)
    grid.classList.add('is-stale')
    grid.classList.toggle('is-stale-all', all)
    for (const card of grid.children)
      (card as HTMLElement).inert =
        !card.classList.contains('explorer-editor') &&
        (all || !card.classList.contains('explorer-inputs'))
    if (!loaded) picture.clear('Fix the expression to see its graph.')
    showNotes([])
    writeLink()
  }

  function go(target: number): void {
    if (!loaded) return
    step = Math.max(0, Math.min(target, loaded.passes.accumulate.steps.length))
    render()
    const current = loaded.passes.accumulate.steps[step - 1]?.node
    if (current !== undefined) picture.reveal(current)
  }

  function check(index: number, text: string): void {
    const names = new Map([...loaded!.graph.names].map(([name, value]) => [name, value.data]))
    let message: string
    let correct = false
    try {
      const judgement = judgeGradient(loaded!.passes.accumulate, index, evaluateAnswer(text, names))
      ;({ message, correct } = judgement)
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error
      message = error.message
    }
    answers.set(index, { typed: text, correct, revealed: false, message })
    render()
  }

  function render(): void {
    if (!loaded) return
    const { plan, graph, passes, asked } = loaded
    inputs.show(plan.inputs.map(({ name }) => ({ name, value: values.get(name)! })))
    const found = (name: string) => {
      const answer = answers.get(graph.nodes.indexOf(graph.inputs.get(name)!))
      return mode === 'step' || answer?.correct === true || answer?.revealed === true
    }
    nudge.show({ plan, values, output: graph.output.label, gradShown: found })
    byId('explorer-step-panel').hidden = mode !== 'step'
    byId('explorer-hand-panel').hidden = mode !== 'hand'
    if (mode === 'step')
      backward.show({
        plan: passes[update],
        correct: passes.accumulate,
        step,
        accumulate: update === 'accumulate',
      })
    else byHand.show(passes.accumulate, asked, answers)
    showNotes(
      graph.unused.length > 0
        ? [`Not used by ${graph.output.label}: ${graph.unused.join(', ')}.`]
        : [],
    )
    paint()
    writeLink()
  }

  /** Shows the link's notes, `extra` ones, and the note of the preset the text is, if any. */
  function showNotes(extra: readonly string[]): void {
    const preset = PRESETS.find((candidate) => candidate.text === editor.text)
    byId('explorer-note').textContent = [...notes, ...extra, preset?.note ?? ''].join(' ')
    for (const button of section.querySelectorAll<HTMLButtonElement>('.preset'))
      button.setAttribute('aria-pressed', String(button.dataset.preset === preset?.id))
  }

  /** Repaints the graph for the current step, or the by-hand answers. */
  function paint(): void {
    if (!loaded) return
    const { passes, graph } = loaded
    if (mode === 'hand') {
      const final = passes.accumulate.gradsAfter(Number.POSITIVE_INFINITY)
      picture.paint({
        grads: graph.nodes.map((node, index) => {
          const answer = answers.get(index)
          if (isConstant(node)) return '–'
          return answer?.correct || answer?.revealed ? fixed(final[index]!) : undefined
        }),
        current: focused,
        receiving: [],
        wrong: new Set(),
      })
      return
    }
    const pass = passes[update]
    const grads = pass.gradsAfter(step)
    const right = passes.accumulate.gradsAfter(step)
    const current = step > 0 ? pass.steps[step - 1]!.node : undefined
    picture.paint({
      grads: [...grads].map(fixed),
      current,
      receiving: step > 1 ? pass.steps[step - 1]!.contributions.map((entry) => entry.child) : [],
      wrong: new Set(
        graph.nodes.flatMap((_, index) => (grads[index] === right[index] ? [] : [index])),
      ),
    })
  }

  function writeLink(): void {
    const changed = new Map(
      (loaded?.plan.inputs ?? [])
        .filter(({ name, declared }) => values.has(name) && values.get(name) !== (declared ?? 1))
        .map(({ name }) => [name, values.get(name)!]),
    )
    onLink(encodeExplorerLink({ text: editor.text, values: changed, step, mode, update }))
  }
}

/** The grad field as the graph writes it (micrograd's `%.4f`), without `-0.0000`. */
function fixed(value: number): string {
  const text = value.toFixed(4)
  return /^-0\.0+$/.test(text) ? text.slice(1) : text
}

/** For each node, the gradient with the longest text it will show in either pass, so boxes fit it. */
function widestGrads(passes: Record<GradUpdate, BackwardPlan>): Float64Array {
  const count = passes.accumulate.nodes.length
  const widest = new Float64Array(count)
  for (const pass of Object.values(passes))
    for (let taken = 0; taken <= pass.steps.length; taken++) {
      const grads = pass.gradsAfter(taken)
      for (let index = 0; index < count; index++)
        if (fixed(grads[index]!).length > fixed(widest[index]!).length)
          widest[index] = grads[index]!
    }
  return widest
}
