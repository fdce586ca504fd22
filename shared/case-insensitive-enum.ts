import { z } from 'zod';

/**
 * A string schema that accepts any casing of `values` and gives back the canonical spelling.
 * @example caseInsensitiveEnum(['Car', 'SUV'], 'vehicle type').parse('suv') // 'SUV'
 */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z
    .string()
    .transform((input, ctx): T[number] => {
      const wanted = input.trim().toLowerCase();
      const hit = values.find((v) => v.toLowerCase() === wanted);
      if (hit === undefined) {
        ctx.addIssue({ code: 'custom', message: `Unknown ${what} "${input}". Use one of: ${values.join(', ')}` });
        return z.NEVER;
      }
      return hit;
    })
    .meta({ description: `One of ${values.join(', ')} (any case)`, example: values[0] });
}
