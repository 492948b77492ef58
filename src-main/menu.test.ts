import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDetail, menuTemplate } from './menu.ts';

const items = (t: MenuItemConstructorOptions[]) => t.flatMap((m) => [m, ...((m.submenu as MenuItemConstructorOptions[]) ?? [])]);
const roles = (t: MenuItemConstructorOptions[]) => items(t).map((i) => i.role).filter(Boolean);
const labels = (t: MenuItemConstructorOptions[]) => items(t).map((i) => i.label).filter(Boolean);

describe('menuTemplate', () => {
  const dev = menuTemplate({ isPackaged: false, platform: 'linux', onAbout: () => {} });
  const shipped = menuTemplate({ isPackaged: true, platform: 'win32', onAbout: () => {} });

  it('has the four Chinese top-level menus', () => {
    expect(shipped.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('offers only the clipboard edit roles: undo/redo belong to the store, not to a text field', () => {
    const edit = shipped.find((m) => m.label === '编辑')?.submenu as MenuItemConstructorOptions[];
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(roles(dev)).not.toContain('undo');
    expect(roles(dev)).not.toContain('redo');
  });

  it('shows 开发者工具 only in an unpackaged run', () => {
    expect(roles(dev)).toContain('toggleDevTools');
    expect(roles(shipped)).not.toContain('toggleDevTools');
    expect(labels(shipped)).toEqual(expect.arrayContaining(['退出', '重新载入', '关于']));
  });

  it('every item is labelled in Chinese (no English role defaults leak through)', () => {
    for (const item of items(dev)) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('关于 calls back so the shell can show version and store path', () => {
    const onAbout = vi.fn();
    const t = menuTemplate({ isPackaged: true, platform: 'linux', onAbout });
    const about = items(t).find((i) => i.label === '关于');
    about?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledOnce();
    expect(aboutDetail('0.1.0', '/home/u/.config/ParkBrief/parkbrief.sqlite')).toContain('parkbrief.sqlite');
  });

  it('on macOS puts 退出 in the app menu and 关闭窗口 in 文件', () => {
    const mac = menuTemplate({ isPackaged: true, platform: 'darwin', onAbout: () => {} });
    expect(mac[0]?.label).toBe('ParkBrief');
    expect((mac[0]?.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).toContain('quit');
    expect((mac[1]?.submenu as MenuItemConstructorOptions[])[0]?.role).toBe('close');
  });
});
