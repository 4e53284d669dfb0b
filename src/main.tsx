import './app/shell/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/shell/App';
import './app/shell/app.css';

// public/browser-check.js removes the root in a browser below the supported floor, showing its notice instead.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
