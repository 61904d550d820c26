import { analyzeProgram } from '../../src/explorer/analyze-program.js'
import { buildGraph } from '../../src/explorer/evaluate-program.js'
import { parseProgram } from '../../src/explorer/parse-program.js'
import { PRESETS } from '../../src/explorer/presets.js'

/** A program's plan and its graph at the starting values, as the page builds them. */
export function load(text: string, values: ReadonlyMap<string, number> = new Map()) {
  const plan = analyzeProgram(parseProgram(text))
  return { plan, graph: buildGraph(plan, values) }
}

/** The text of the preset with this id. */
export function presetText(id: string): string {
  return PRESETS.find((preset) => preset.id === id)!.text
}
