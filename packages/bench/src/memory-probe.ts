/**
 * Run as its own plain `node` process (no memory flags): trains the dynamic engine on one workload
 * for a few steps and prints, as JSON, the graph's size, heap growth per live node, peak RSS and
 * step times.
 */
import { topologicalSort } from '@mg/engine'
import { SGD } from '@mg/nn'
import { demoLoss } from './demo-loss.js'
import { rows } from './implementations/trainer.js'
import { LEARNING_RATE, makeProblem, problemModel, WORKLOADS } from './workloads.js'

const workload = WORKLOADS.find((candidate) => candidate.name === process.argv[2]) ?? WORKLOADS[0]!
const steps = Number(process.argv[3] ?? 2)
const problem = makeProblem(workload)
const model = problemModel(problem)
const optimizer = new SGD(model.parameters(), { learningRate: LEARNING_RATE })
const points = rows(problem.points, workload.sizes[0])
const labels = Array.from(problem.labels)

const stepsMs: number[] = []
let nodeCount = 0
let bytesPerNode = 0
for (let step = 0; step < steps; step++) {
  const start = performance.now()
  const heapBefore = process.memoryUsage().heapUsed
  const loss = demoLoss(model, points, labels, workload.loss)
  const heapWithGraph = process.memoryUsage().heapUsed
  optimizer.zeroGrad()
  loss.backward()
  optimizer.step()
  stepsMs.push(performance.now() - start)
  if (step === 0) {
    nodeCount = topologicalSort(loss).length
    bytesPerNode = (heapWithGraph - heapBefore) / nodeCount
  }
}
const peakRssBytes = process.resourceUsage().maxRSS * 1024
console.log(
  JSON.stringify({ workload: workload.name, nodeCount, bytesPerNode, peakRssBytes, stepsMs }),
)
