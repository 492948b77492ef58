// Test support: the English words inside a Chinese message. Names are allowed — of products (Excel,
// WPS), formats and extensions (.xlsx, CSV), commands and options (parkbrief backups, --park) and
// anything the message quotes in 「」 (a file, a part, a cell as the file wrote it) — sentences are not.

const NAMES = new Set([
  'Excel', 'WPS', 'Word', 'PowerPoint', 'OpenDocument', 'ParkBrief', 'SQLite', 'CSV', 'PDF', 'PNG', 'JPEG', 'JSON', 'FIFO', 'MB', 'KB', 'GB', 'UTF-',
  'parkbrief', 'backups', 'restore', 'salvage', 'park', 'period',
  // Template and format codes the user types (magazine（园区风采）).
  'magazine', 'bulletin', 'table', 'compare', 'form', 'fill', 'docx', 'xlsx',
]);

export function latinWords(zh: string): string[] {
  const bare = zh
    .replace(/「[^」]*」/g, '')
    // Extensions (.xlsx, .et) and paths stay names.
    .replace(/\.[A-Za-z]{1,5}\b/g, '')
    .replace(/--[a-z-]+/g, '')
    // Codes with digits in them: 2022Q3, 2018M1-4.
    .replace(/[0-9A-Za-z-]*\d[0-9A-Za-z-]*/g, '');
  return (bare.match(/[A-Za-z][A-Za-z_-]*/g) ?? []).filter((w) => !NAMES.has(w));
}
