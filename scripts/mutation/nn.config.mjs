// `pnpm mutation`: mutation testing of @mg/nn (summary in MUTATION.md).
import { strykerOptions } from './stryker-options.mjs'

export default strykerOptions('nn')
