import { LOSSES, lossNames, OPTIMIZERS, optimizerNames } from '@mg/nn'
import {
  ACTIVATIONS,
  BATCH_SIZES,
  DATASET_KINDS,
  L2_STRENGTHS,
  LEARNING_RATES,
  LIMITS,
  lossesFor,
  OPTIMIZER_CHOICES,
  type Settings,
} from '../state/settings.js'
import { formatHiddenLayers, parseHiddenLayers } from '../state/url-state.js'
import { drawDatasetPreview } from './dataset-preview.js'
import { toast } from './toast.js'

/** What a change to the settings asks of the page: new data, a new model, or new training knobs only. */
export type SettingsChange = 'data' | 'model' | 'hyperparameters'

const DATA_KEYS = ['dataset', 'samples', 'noise', 'seed', 'testFraction'] as const
const MODEL_KEYS = ['hiddenLayers', 'activation', 'loss', 'optimizer'] as const

const LABELS: Record<string, string> = {
  relu: 'ReLU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  ...Object.fromEntries(lossNames.map((name) => [name, LOSSES[name].title])),
  ...Object.fromEntries(optimizerNames.map((name) => [name, OPTIMIZERS[name].title])),
  momentum: 'SGD with momentum 0.9',
}

/**
 * The settings form: fills its options from the allowed values, writes settings into it, and
 * reports each edit with the kind of restart it needs.
 */
export class Controls {
  private readonly form: HTMLFormElement
  private settings: Settings
  private readonly onChange: (settings: Settings, change: SettingsChange) => void

  constructor(
    form: HTMLFormElement,
    settings: Settings,
    onChange: (settings: Settings, change: SettingsChange) => void,
  ) {
    this.form = form
    this.settings = structuredClone(settings)
    this.onChange = onChange
    this.buildDatasetChoices()
    fillSelect(this.select('activation'), ACTIVATIONS)
    fillSelect(this.select('loss'), lossNames)
    fillSelect(this.select('optimizer'), OPTIMIZER_CHOICES)
    fillSelect(this.select('learningRate'), LEARNING_RATES)
    fillSelect(this.select('batchSize'), BATCH_SIZES, (size) => (size === 0 ? 'All' : String(size)))
    fillSelect(this.select('l2'), L2_STRENGTHS, (strength) =>
      strength === 0 ? 'None' : String(strength),
    )
    for (const key of ['samples', 'noise', 'testFraction'] as const) {
      const input = this.input(key)
      input.min = String(LIMITS[key].min)
      input.max = String(LIMITS[key].max)
      input.step = String(LIMITS[key].step)
    }
    this.input('seed').min = String(LIMITS.seed.min)
    this.input('seed').max = String(LIMITS.seed.max)
    this.listen()
    this.write(settings)
  }

  /** Shows `settings` in the form without reporting a change. */
  write(settings: Settings): void {
    this.settings = structuredClone(settings)
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="dataset"]'))
      radio.checked = radio.value === settings.dataset
    for (const key of ['samples', 'noise', 'testFraction', 'seed'] as const)
      this.input(key).value = String(settings[key])
    this.input('hiddenLayers').value = formatHiddenLayers(settings.hiddenLayers)
    this.input('hiddenLayers').removeAttribute('aria-invalid')
    for (const key of [
      'activation',
      'loss',
      'optimizer',
      'learningRate',
      'batchSize',
      'l2',
    ] as const)
      this.select(key).value = String(settings[key])
    this.input('compiled').checked = settings.compiled
    const fromFile = settings.dataset === 'csv'
    this.input('samples').disabled = fromFile
    this.input('noise').disabled = fromFile
    this.showOutputs()
    this.drawPreviews()
  }

  /** Offers only the losses that fit `classCount` classes. */
  setClassCount(classCount: number): void {
    const allowed = lossesFor(classCount)
    for (const option of this.select('loss').options)
      option.disabled = !allowed.includes(option.value as never)
  }

  private listen(): void {
    this.form.addEventListener('submit', (event) => event.preventDefault())
    this.form.addEventListener('input', (event) => {
      const target = event.target as HTMLInputElement
      if (target.type === 'range') this.showOutputs()
      if (target.type === 'range' || target.type === 'radio') this.commit(target)
    })
    this.form.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement
      if (target.type !== 'range' && target.type !== 'radio' && target.type !== 'file')
        this.commit(target)
    })
    this.form.querySelector<HTMLButtonElement>('#new-seed')!.addEventListener('click', () => {
      const seed = this.input('seed')
      seed.value = String(Math.floor(Math.random() * 100_000))
      this.commit(seed)
    })
  }

  private commit(target: HTMLInputElement | HTMLSelectElement): void {
    const key = target.name as keyof Settings
    const next = structuredClone(this.settings)
    if (key === 'hiddenLayers') {
      const widths = parseHiddenLayers(target.value)
      if (widths === undefined) {
        target.setAttribute('aria-invalid', 'true')
        return
      }
      target.removeAttribute('aria-invalid')
      target.value = formatHiddenLayers(widths)
      next.hiddenLayers = widths
    } else if (key === 'compiled') {
      next.compiled = (target as HTMLInputElement).checked
    } else if (key === 'dataset' || key === 'activation' || key === 'loss' || key === 'optimizer') {
      Object.assign(next, { [key]: target.value })
    } else if (key === 'seed') {
      const seed = Number(target.value)
      // A seed past the generator's range would make every dataset throw: refuse it here.
      if (!Number.isInteger(seed) || seed < LIMITS.seed.min || seed > LIMITS.seed.max) {
        target.setAttribute('aria-invalid', 'true')
        toast(
          `Seed: expected a whole number from ${LIMITS.seed.min} to ${LIMITS.seed.max}.`,
          'error',
        )
        return
      }
      target.removeAttribute('aria-invalid')
      next.seed = seed
    } else if (key in next) {
      const number = Number(target.value)
      if (target.value.trim() === '' || !Number.isFinite(number)) return
      Object.assign(next, { [key]: number })
    } else return
    if (JSON.stringify(next[key]) === JSON.stringify(this.settings[key])) return
    this.settings = next
    if (key === 'noise' || key === 'samples' || key === 'seed') this.drawPreviews()
    const change: SettingsChange = (DATA_KEYS as readonly string[]).includes(key)
      ? 'data'
      : (MODEL_KEYS as readonly string[]).includes(key)
        ? 'model'
        : 'hyperparameters'
    this.onChange(structuredClone(next), change)
  }

  private buildDatasetChoices(): void {
    const group = this.form.querySelector<HTMLElement>('#dataset-choices')!
    for (const kind of DATASET_KINDS.filter((candidate) => candidate !== 'csv')) {
      const label = document.createElement('label')
      label.className = 'dataset-choice'
      const radio = document.createElement('input')
      Object.assign(radio, { type: 'radio', name: 'dataset', value: kind })
      const canvas = document.createElement('canvas')
      canvas.dataset.kind = kind
      canvas.setAttribute('aria-hidden', 'true')
      const name = document.createElement('span')
      name.textContent = kind === 'xor' ? 'XOR' : kind[0]!.toUpperCase() + kind.slice(1)
      label.append(radio, canvas, name)
      group.append(label)
    }
  }

  private drawPreviews(): void {
    for (const canvas of this.form.querySelectorAll<HTMLCanvasElement>('.dataset-choice canvas'))
      drawDatasetPreview(canvas, { ...this.settings, dataset: canvas.dataset.kind as never })
  }

  private showOutputs(): void {
    const output = (key: string) => this.form.querySelector<HTMLOutputElement>(`#${key}-output`)!
    output('samples').value = this.input('samples').value
    output('noise').value = Number(this.input('noise').value).toFixed(2)
    output('testFraction').value = `${Math.round(Number(this.input('testFraction').value) * 100)} %`
  }

  private input(name: string): HTMLInputElement {
    return this.form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!
  }

  private select(name: string): HTMLSelectElement {
    return this.form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!
  }
}

function fillSelect<T extends string | number>(
  select: HTMLSelectElement,
  values: readonly T[],
  label?: (value: T) => string,
): void {
  select.replaceChildren(
    ...values.map(
      (value) =>
        new Option(label?.(value) ?? LABELS[String(value)] ?? String(value), String(value)),
    ),
  )
}
