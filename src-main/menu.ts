// The application menu, built as a plain template so it can be checked without Electron.
// Undo/redo are deliberately absent: they act on the store's change history, which the renderer
// drives from its own Ctrl/Cmd+Z handling; a native 'undo' role would only undo text in an input.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  onAbout: () => void;
}

export function menuTemplate({ isPackaged, platform, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [{ role: 'reload', label: '重新载入' }];
  if (!isPackaged) view.push({ role: 'toggleDevTools', label: '开发者工具' });

  const template: MenuItemConstructorOptions[] = [
    // On macOS 退出 belongs in the app menu and ⌘W closes the window; elsewhere 文件 › 退出.
    { label: '文件', submenu: [mac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { type: 'separator' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', role: 'help', submenu: [{ label: '关于', click: () => onAbout() }] },
  ];
  if (mac) {
    template.unshift({
      label: 'ParkBrief',
      submenu: [
        { label: '关于 园区简报', click: () => onAbout() },
        { type: 'separator' },
        { role: 'hide', label: '隐藏 园区简报' },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        { type: 'separator' },
        { role: 'quit', label: '退出 园区简报' },
      ],
    });
  }
  return template;
}

/** The 关于 box names the store file: the first thing support asks is where the data lives. */
export function aboutDetail(version: string, storePath: string): string {
  return `版本 ${version}\n数据库：${storePath}`;
}
