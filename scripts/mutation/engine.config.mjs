// `pnpm mutation`: mutation testing of @mg/engine (summary in MUTATION.md).
import { strykerOptions } from './stryker-options.mjs'

export default strykerOptions('engine')
