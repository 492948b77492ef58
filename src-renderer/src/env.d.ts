// Vite turns CSS imports into injected styles; TypeScript only needs to know they exist.
declare module '*.css';
