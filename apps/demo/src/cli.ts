import { LOSSES, lossNames, OPTIMIZERS, optimizerNames } from '@mg/nn'
import { Command, Option } from 'commander'
import { DATASET_CHOICES, DATASET_NAMES } from './dataset-choices.js'
import { runDerivatives } from './derivatives.js'
import {
  ACTIVATION_NAMES,
  parseTrainOptions,
  type RawTrainOptions,
  TRAIN_DEFAULTS,
} from './parse-options.js'
import { runPredict } from './predict.js'
import { reportError } from './report-error.js'
import type { Streams } from './streams.js'
import { runTrain } from './train-command.js'

const DIGITS = DATASET_CHOICES.digits.training!

/** Builds the command-line program: `train` (the default), `predict` and `derivatives`. */
function createProgram(): Command {
  const program = new Command('micrograd-demo')
    .description(
      'Train a tiny neural network with micrograd-ts, watch it learn, and draw what it learned.\n' +
        'From the repository root run it as `pnpm demo [command] [options]`.',
    )
    .exitOverride()
    // Errors are printed by reportError, as one line; commander would add a second.
    .configureOutput({ outputError: () => undefined })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nWithout a command it trains (see `micrograd-demo train --help` for the options):\n' +
        '  micrograd-demo                          moons, MLP(2, [16, 16, 1]), 100 SGD steps\n' +
        '  micrograd-demo --dataset spiral --optimizer adam --steps 300\n' +
        '  micrograd-demo --compiled               the same demo on a compiled graph, faster\n' +
        '  micrograd-demo --dataset digits         handwritten digits, MLP(64, [32, 10]), compiled\n' +
        '  micrograd-demo predict --model out/model.json --x 0.5,-0.2\n' +
        '  micrograd-demo derivatives',
    )

  program
    .command('train', { isDefault: true })
    .description(
      "train an MLP and write pictures, the model and metrics (micrograd's demo by default)",
    )
    .addOption(
      new Option('--dataset <name>', 'a toy dataset, or scikit-learn’s handwritten digits')
        .choices(DATASET_NAMES)
        .default(TRAIN_DEFAULTS.dataset),
    )
    .option(
      '--samples <n>',
      `training points, a fresh set of as many held out (default: ${TRAIN_DEFAULTS.samples}; digits: none, a fixed set)`,
    )
    .option(
      '--noise <x>',
      'noise; for blobs the cluster standard deviation (default: 0.1; spiral: 0.2; blobs: 1)',
    )
    .option('--classes <k>', 'number of classes, blobs and spiral only (default: 3)')
    .option(
      '--hidden <sizes>',
      `hidden layer widths, comma-separated (default: ${TRAIN_DEFAULTS.hidden}; digits: ${DIGITS.hidden})`,
    )
    .addOption(
      new Option('--activation <name>', 'hidden-layer nonlinearity')
        .choices(ACTIVATION_NAMES)
        .default(TRAIN_DEFAULTS.activation),
    )
    .addOption(
      new Option(
        '--loss <name>',
        'loss (default: hinge for 2 classes, softmax-cross-entropy for more)',
      ).choices(lossNames),
    )
    .addOption(
      new Option(
        '--optimizer <name>',
        `optimizer (default: ${TRAIN_DEFAULTS.optimizer}; digits: ${DIGITS.optimizer})`,
      ).choices(optimizerNames),
    )
    .option(
      '--lr <rate>',
      `starting learning rate, decaying linearly to a tenth (default: sgd 1, or 0.05 with mse; ${optimizerNames
        .filter((name) => name !== 'sgd')
        .join(', ')} 0.05)`,
    )
    .option('--l2 <alpha>', 'L2 penalty weight', TRAIN_DEFAULTS.l2)
    .option(
      '--steps <n>',
      `training steps (default: ${TRAIN_DEFAULTS.steps}; digits: ${DIGITS.steps})`,
    )
    .option(
      '--batch-size <n>',
      `samples per step (default: all, full batch; digits: ${DIGITS.batchSize})`,
    )
    .option('--seed <n>', 'seed of the data, the weights and the batches', TRAIN_DEFAULTS.seed)
    .option('--out <dir>', 'folder for pictures, model.json and metrics.json', TRAIN_DEFAULTS.out)
    .option(
      '--compiled',
      'record the training step once and replay it: the same numbers, many times faster (default for digits)',
    )
    .option('--no-compiled', 'build a new graph every step (the default but for digits)')
    .option('--json', 'print a machine-readable summary on stdout and nothing else')
    .option('--quiet', 'print nothing but errors')
    .addHelpText('after', registryHelp())
    .action(async (raw: RawTrainOptions) => {
      await runTrain(parseTrainOptions(raw), processStreams())
    })

  program
    .command('predict')
    .description('load a saved model and print its prediction for one input')
    .requiredOption('--model <file>', 'a model.json written by train')
    .requiredOption('--x <numbers>', 'the input, comma-separated, e.g. 0.5,-0.2')
    .option('--json', 'print the prediction as JSON')
    .action(async (raw: { model: string; x: string; json?: boolean }) => {
      await runPredict(raw, processStreams())
    })

  program
    .command('derivatives')
    .description("the lecture's first hour: slopes by finite differences and by backprop")
    .option('--out <dir>', 'folder for the tangent plot and the d = a·b + c graph', 'out')
    .option('--json', 'print the figures as JSON and nothing else')
    .action(async (raw: { out: string; json?: boolean }) => {
      await runDerivatives(raw, processStreams())
    })

  return program
}

/** The losses and optimizers @mg/nn offers by name, each with what it is, for `train --help`. */
function registryHelp(): string {
  const rows = (entries: [string, string][]) => {
    const width = Math.max(...entries.map(([name]) => name.length))
    return entries.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`).join('\n')
  }
  const losses = lossNames.map((name): [string, string] => [
    name,
    `${LOSSES[name].title}, ${LOSSES[name].binary ? 'two classes' : 'any number of classes'}`,
  ])
  const optimizers = optimizerNames.map((name): [string, string] => [
    name,
    `${OPTIMIZERS[name].title}: ${OPTIMIZERS[name].description}`,
  ])
  return `\nLosses (--loss):\n${rows(losses)}\n\nOptimizers (--optimizer):\n${rows(optimizers)}`
}

function processStreams(): Streams {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env }
}

try {
  await createProgram().parseAsync(process.argv.slice(2), { from: 'user' })
} catch (error) {
  process.exitCode = reportError(error, process.stderr, process.env)
}
