// First: zod's setting must precede every schema the imports below build.
import './app/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { ControllerContext } from './app/context.ts';
import { registerServiceWorker } from './app/service-worker.ts';
import { AppController } from './session/controller.ts';
import './styles.css';

const controller = new AppController();
void controller.start();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <ControllerContext.Provider value={controller}>
      <App />
    </ControllerContext.Provider>
  </StrictMode>,
);
