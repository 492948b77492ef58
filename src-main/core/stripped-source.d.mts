export declare const defaultCacheDir: () => string;
export declare function strippedSource(source: string, dir?: string): string;
export declare function useStrippedSources(dir?: string): void;
