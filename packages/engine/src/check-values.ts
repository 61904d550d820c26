import { InvalidOptionError } from './errors.js'
import { Value } from './value.js'

/**
 * `list`, checked to be an array of `Value`s: the argument or option `name` of `functionName`. One
 * `Value` where a list belongs is refused with a hint to wrap it.
 */
export function checkValues(name: string, list: unknown, functionName: string): readonly Value[] {
  if (!Array.isArray(list))
    throw new InvalidOptionError(
      name,
      list,
      'an array of Values',
      `Wrap a single Value: ${name}: [value].`,
      {
        functionName,
      },
    )
  list.forEach((value: unknown, index) => {
    if (!(value instanceof Value))
      throw new InvalidOptionError(`${name}[${index}]`, value, 'a Value', '', { functionName })
  })
  return list
}
