#!/usr/bin/env node
// Draws every icon the installers need from the one source image, build/icon.svg, with icon-gen
// (which renders the SVG with sharp at each size, rather than scaling one bitmap):
//   build/icons/icon.ico         Windows: 16–256 px
//   build/icons/icon.icns        macOS: 16–1024 px
//   build/icons/png/NxN.png      Linux (AppImage, deb): 16–512 px, named as the desktop expects
// Run by `npm run dist` before electron-builder; the output is not kept in git.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconGen from 'icon-gen';

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes the icon set into outDir (replacing what was there); returns the files written. */
export async function makeIcons(source = join(root, 'build', 'icon.svg'), outDir = join(root, 'build', 'icons')) {
  rmSync(outDir, { recursive: true, force: true });
  const pngDir = join(outDir, 'png');
  mkdirSync(pngDir, { recursive: true });
  await iconGen(source, outDir, {
    report: false,
    ico: { name: 'icon', sizes: ICO_SIZES },
    icns: { name: 'icon', sizes: ICNS_SIZES },
    // icon-gen's PNG output is its favicon set: prefix + size; renamed to the 256x256.png form.
    favicon: { name: 'png-', pngSizes: PNG_SIZES, icoSizes: [] },
  });
  // The favicon set always brings a favicon.ico of its own; the installers use icon.ico.
  rmSync(join(outDir, 'favicon.ico'), { force: true });
  const written = [join(outDir, 'icon.ico'), join(outDir, 'icon.icns')];
  for (const size of PNG_SIZES) {
    const target = join(pngDir, `${size}x${size}.png`);
    renameSync(join(outDir, `png-${size}.png`), target);
    written.push(target);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await makeIcons();
  console.log(`图标已生成 icons written: ${files.length} files in build/icons`);
}
