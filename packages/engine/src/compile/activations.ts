/** No activation after a fused neuron's sum. */
export const NO_ACTIVATION = 0
export const RELU_ACTIVATION = 1
export const TANH_ACTIVATION = 2
export const SIGMOID_ACTIVATION = 3

export { stableSigmoid as sigmoid } from '../stable-sigmoid.js'

/** The op each activation code stands for, for error messages. */
export const ACTIVATION_NAMES = ['', 'relu', 'tanh', 'sigmoid'] as const
