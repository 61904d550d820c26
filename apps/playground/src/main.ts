import './styles.css'
import { loadModel, type MLP, saveModel } from '@mg/nn'
import { csvPoints } from './data/csv-points.js'
import {
  generatePoints,
  type LabelledPoints,
  type PreparedData,
  prepareData,
} from './data/prepared-data.js'
import { isExplorerHash } from './explorer/explorer-link.js'
import { mountExplorer } from './explorer/explorer-view.js'
import { lessonElements, mountLesson } from './lesson/lesson-panel.js'
import { BoundaryView } from './render/boundary-view.js'
import { showClassLegend } from './render/class-legend.js'
import { GraphPanel } from './render/graph-panel.js'
import { MetricsChart } from './render/metrics-chart.js'
import { NetworkDiagram } from './render/network-diagram.js'
import { onNextFrame } from './render/on-next-frame.js'
import { showStats } from './render/stats.js'
import { defaultSettings, lossesFor, type Settings } from './state/settings.js'
import { decodeSettings, encodeSettings } from './state/url-state.js'
import { createModel } from './training/create-model.js'
import { settingsForModel } from './training/model-file.js'
import { createObjective, type Objective } from './training/objective.js'
import { Trainer } from './training/trainer.js'
import type { Snapshot } from './training/training-session.js'
import { Controls, type SettingsChange } from './ui/controls.js'
import { downloadText } from './ui/download.js'
import { onFileText } from './ui/file-input.js'
import { mountTabs } from './ui/tabs.js'
import { toast } from './ui/toast.js'
import { Transport } from './ui/transport.js'

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const CSV_HINT = byId('csv-hint').textContent ?? ''

const decoded = decodeSettings(location.search)
let settings: Settings = decoded.settings
let points: LabelledPoints = firstPoints()
let source: string = settings.dataset
let data: PreparedData = prepareData(points, settings, source)
let objective: Objective = createObjective(settings.loss, data.classCount)
/** A copy of the model on this thread, kept in step with the worker's, for the computation graph. */
let mirror = buildMirror()
let latest: Snapshot | undefined
let lastGraphRefresh = 0
const drawSoon = onNextFrame(drawLatest)

const boundary = new BoundaryView(byId('boundary'), (point) => {
  void graph.show(point, graphContext())
})
const chart = new MetricsChart(byId('metrics'))
const network = new NetworkDiagram(byId('network'))
const graph = new GraphPanel({
  container: byId('graph'),
  caption: byId('graph-caption'),
  select: byId('graph-view'),
  expand: byId('graph-expand'),
})
const controls = new Controls(byId('controls'), settings, applyChange)
const trainer = new Trainer({
  onSnapshot: showSnapshot,
  onError: (message) => {
    transport.show(false)
    toast(message, 'error')
  },
})
const transport = new Transport(trainer, () => restart())

if (decoded.problems.length > 0)
  toast(
    `Some link settings were not understood and use defaults: ${decoded.problems.join('; ')}`,
    'error',
  )
fitLossToData()
controls.setClassCount(data.classCount)
controls.write(settings)
boundary.setData(data)
showClassLegend(byId('class-legend'), data.classCount)
restart()

/** The link's dataset; should its settings still be unusable, the defaults', with a note: never an exception. */
function firstPoints(): LabelledPoints {
  const generate = () =>
    generatePoints({
      ...settings,
      dataset: settings.dataset === 'csv' ? 'moons' : settings.dataset,
    })
  try {
    return generate()
  } catch (error) {
    settings = defaultSettings()
    decoded.problems.push(
      `these settings cannot make a dataset (${error instanceof Error ? error.message : String(error)}), so all are at their defaults`,
    )
    return generate()
  }
}

function applyChange(next: Settings, change: SettingsChange): void {
  settings = next
  if (change === 'data') {
    if (settings.dataset !== 'csv') {
      points = generatePoints({ ...settings, dataset: settings.dataset })
      source = settings.dataset
      byId('csv-hint').textContent = CSV_HINT
    }
    data = prepareData(points, settings, source)
    controls.setClassCount(data.classCount)
    fitLossToData()
    boundary.setData(data)
    showClassLegend(byId('class-legend'), data.classCount)
  }
  if (change === 'hyperparameters') {
    trainer.setHyperparameters({
      learningRate: settings.learningRate,
      batchSize: settings.batchSize,
      l2: settings.l2,
      compiled: settings.compiled,
    })
  } else {
    restart()
  }
  writeUrl()
}

/** A fresh model on the current data; training carries on if it was running. */
function restart(parameters?: ArrayLike<number>): void {
  objective = createObjective(settings.loss, data.classCount)
  mirror = buildMirror()
  if (parameters !== undefined) mirror.setParameterValues(parameters)
  latest = undefined
  chart.clear()
  graph.clear()
  graph.setArchitecture(mirror.nin, mirror.nouts, mirror.activations)
  network.update(architecture(), mirror.getParameterValues())
  trainer.configure(settings, data, parameters)
  if (transport.running) trainer.play()
}

function showSnapshot(snapshot: Snapshot, isRunning: boolean | undefined): void {
  latest = snapshot
  if (isRunning !== undefined) transport.show(isRunning)
  mirror.setParameterValues(snapshot.parameters)
  chart.addSnapshot(snapshot)
  drawSoon()
}

function drawLatest(): void {
  const snapshot = latest
  if (!snapshot) return
  boundary.setMesh(snapshot.mesh)
  network.update(architecture(), snapshot.parameters)
  chart.draw()
  showStats(snapshot)
  // Laying out a graph takes a while, so while training runs the graph follows about once a second.
  const now = performance.now()
  if (!transport.running || now - lastGraphRefresh > 1000) {
    lastGraphRefresh = now
    void graph.refresh(graphContext())
  }
}

/** Hinge and logistic loss need two classes; for more, switch to softmax cross-entropy and say so. */
function fitLossToData(): void {
  if (lossesFor(data.classCount).includes(settings.loss)) return
  settings = { ...settings, loss: 'softmax-cross-entropy' }
  controls.write(settings)
  toast(`${data.classCount} classes: the loss is now softmax cross-entropy.`)
}

function buildMirror(): MLP {
  return createModel(settings, objective.outputs)
}

function architecture() {
  return { nin: 2, nouts: mirror.nouts, activations: mirror.activations }
}

function graphContext() {
  return { model: mirror, objective, loss: settings.loss, step: latest?.step ?? 0 }
}

function writeUrl(): void {
  const query = encodeSettings(
    settings.dataset === 'csv' ? { ...settings, dataset: 'moons' } : settings,
  )
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`)
}

byId('copy-link').addEventListener('click', async () => {
  writeUrl()
  try {
    await navigator.clipboard.writeText(location.href)
    toast(
      settings.dataset === 'csv'
        ? 'Link copied (it opens moons: CSV data stays on this computer).'
        : 'Link copied.',
    )
  } catch {
    toast(`Copy this link: ${location.href}`)
  }
})

byId('save-model').addEventListener('click', () => {
  downloadText(
    saveModel(mirror),
    `model-${source}-${settings.hiddenLayers.join('-') || 'linear'}.json`,
    'application/json',
  )
})

onFileText(byId('load-model'), (text, name) => {
  const { model } = loadModel(text)
  settings = settingsForModel(model, settings, data.classCount, name)
  controls.write(settings)
  transport.show(false)
  restart(model.getParameterValues())
  writeUrl()
  toast(`Loaded ${name}: ${model.nouts.join('-')} network. Press play to train it further.`)
})

onFileText(byId('load-csv'), (text, name) => {
  points = csvPoints(text, name)
  source = name
  settings = { ...settings, dataset: 'csv' }
  controls.write(settings)
  applyChange(settings, 'data')
  byId('csv-hint').textContent =
    `Loaded ${name}: ${points.y.length} points, ${points.classCount} classes.`
})

let lessonMounted = false
let explorerMounted = false
let digitsMounted = false
/** The explorer's state as an address fragment, kept while another tab is shown. */
let explorerHash = isExplorerHash(location.hash) ? location.hash : ''
const setHash = (hash: string) =>
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`)
const showView = mountTabs(byId('tab-train').parentElement!, (panelId) => {
  const lesson = panelId === 'view-lesson'
  const explorer = panelId === 'view-explorer'
  if (explorer && !explorerMounted) {
    explorerMounted = true
    mountExplorer(byId('view-explorer'), explorerHash, (hash) => {
      explorerHash = hash
      if (!byId('view-explorer').hidden) setHash(hash)
    })
  }
  const digits = panelId === 'view-digits'
  if (digits && !digitsMounted) {
    digitsMounted = true
    // The digits' data and their worker load only when the tab is first opened.
    void import('./digits/digits-view.js').then(({ mountDigits }) =>
      mountDigits(byId('view-digits')),
    )
  }
  setHash(lesson ? '#derivatives' : explorer ? explorerHash : digits ? '#digits' : '')
  if (lesson && !lessonMounted) {
    lessonMounted = true
    mountLesson(lessonElements())
  }
})
if (location.hash === '#derivatives') showView('view-lesson')
if (isExplorerHash(location.hash)) showView('view-explorer')
if (location.hash === '#digits') showView('view-digits')
