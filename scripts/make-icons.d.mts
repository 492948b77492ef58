export const ICO_SIZES: number[];
export const ICNS_SIZES: number[];
export const PNG_SIZES: number[];
export function makeIcons(source?: string, outDir?: string): Promise<string[]>;
