/**
 * Okabe–Ito colours, distinguishable with every common colour-vision deficiency. Two-class data
 * and weight signs share one pairing throughout the page: blue is positive (class 1, a positive
 * weight), orange is negative (class 0, a negative weight).
 */
const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const

/** Class colours in label order; class 0 orange and class 1 blue match the weight colours. */
export const CLASS_COLOURS = [
  OKABE_ITO.orange,
  OKABE_ITO.blue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.yellow,
] as const

/** Marker shapes in label order, so classes differ by more than colour. */
const CLASS_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'plus'] as const
export type MarkerShape = (typeof CLASS_SHAPES)[number]

export const POSITIVE_COLOUR = OKABE_ITO.blue
export const NEGATIVE_COLOUR = OKABE_ITO.orange

/** The colour and shape of class `label` (cycling when there are more classes than colours). */
export function classStyle(label: number): { colour: string; shape: MarkerShape } {
  const index = ((label % CLASS_COLOURS.length) + CLASS_COLOURS.length) % CLASS_COLOURS.length
  return { colour: CLASS_COLOURS[index]!, shape: CLASS_SHAPES[index % CLASS_SHAPES.length]! }
}

/** `#RRGGBB` as red, green and blue in 0–255. */
export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255]
}
