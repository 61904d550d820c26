import { round } from './frame.js'

/**
 * The marker of class `index` centred at (`x`, `y`): circle, square, triangle, diamond, … so
 * classes differ in shape as well as colour.
 */
export function marker(
  index: number,
  x: number,
  y: number,
  color: string,
  size = 4.5,
  className = 'point',
): string {
  const fill = `class="${className}" fill="${color}" stroke="#1A1A1A" stroke-width="0.8"`
  const cx = round(x)
  const cy = round(y)
  switch (index % 5) {
    case 0:
      return `<circle cx="${cx}" cy="${cy}" r="${size}" ${fill}/>`
    case 1: {
      const side = round(size * 1.7)
      return `<rect x="${round(x - side / 2)}" y="${round(y - side / 2)}" width="${side}" height="${side}" ${fill}/>`
    }
    case 2:
      return polygon([0, -1.25, 1.1, 0.75, -1.1, 0.75], x, y, size, fill)
    case 3:
      return polygon([0, -1.3, 1.1, 0, 0, 1.3, -1.1, 0], x, y, size, fill)
    default:
      return polygon([0, 1.25, 1.1, -0.75, -1.1, -0.75], x, y, size, fill)
  }
}

function polygon(unit: number[], x: number, y: number, size: number, fill: string): string {
  const points: string[] = []
  for (let index = 0; index < unit.length; index += 2) {
    points.push(`${round(x + unit[index]! * size)},${round(y + unit[index + 1]! * size)}`)
  }
  return `<polygon points="${points.join(' ')}" ${fill}/>`
}
