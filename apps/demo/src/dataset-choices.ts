/** The datasets the demo can train on. */
export const DATASET_NAMES = ['moons', 'circles', 'blobs', 'spiral', 'xor'] as const

/** One of {@link DATASET_NAMES}. */
export type DatasetName = (typeof DATASET_NAMES)[number]

/** What the demo needs to know about a dataset before generating it. */
export interface DatasetChoice {
  /** What `--noise` means for this dataset, for the help text and the summary. */
  noiseMeaning: string
  /** `--noise` when not given. */
  defaultNoise: number
  /** `--classes` when not given. */
  defaultClasses: number
  /** Whether `--classes` may be changed (blobs and spirals can have any number of classes). */
  variableClasses: boolean
}

/** Defaults per dataset: moons as in micrograd's demo, the others at values that make a fair task. */
export const DATASET_CHOICES: Record<DatasetName, DatasetChoice> = {
  moons: { noiseMeaning: 'noise', defaultNoise: 0.1, defaultClasses: 2, variableClasses: false },
  circles: { noiseMeaning: 'noise', defaultNoise: 0.1, defaultClasses: 2, variableClasses: false },
  blobs: {
    noiseMeaning: 'cluster standard deviation',
    defaultNoise: 1,
    defaultClasses: 3,
    variableClasses: true,
  },
  spiral: { noiseMeaning: 'noise', defaultNoise: 0.2, defaultClasses: 3, variableClasses: true },
  xor: { noiseMeaning: 'noise', defaultNoise: 0.1, defaultClasses: 2, variableClasses: false },
}
