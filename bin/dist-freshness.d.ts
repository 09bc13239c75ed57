export declare const BUILD_STAMP: string;
export declare function distIsFresh(root: string): boolean;
