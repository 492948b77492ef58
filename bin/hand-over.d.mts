export function handOver(node: string, args: string[], env?: NodeJS.ProcessEnv, report?: (line: string) => void): number;
