// Runs sandboxed (CommonJS, no Node built-ins): only contextBridge and ipcRenderer are available.
// The page gets one function, never ipcRenderer itself, so it cannot listen on or send to any
// other channel.
import { contextBridge, ipcRenderer } from 'electron';

// Repeated, not imported from ipc/register.ts: the preload bundle must not pull in main-process code.
const RPC_CHANNEL = 'app:rpc';

contextBridge.exposeInMainWorld('parkbrief', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(RPC_CHANNEL, method, input),
});
