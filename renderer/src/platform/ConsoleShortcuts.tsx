import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { CREATE_TICKET_ROUTE } from '../app/routes.js';
import { consoleShortcut, moveCursor } from './console-shortcuts.js';

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="ticket-row"]')];
}

/** j/k move through the queue (focus a row's link; Enter opens it), c creates, a assigns to me, m comments, s status. */
export function ConsoleShortcuts() {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = consoleShortcut(event);
      if (!shortcut) return;
      const byId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (shortcut === 'next' || shortcut === 'previous') {
        const list = rows();
        const current = list.findIndex((r) => r.dataset.cursor === 'true');
        const next = moveCursor(current, list.length, shortcut);
        if (next < 0) return;
        list.forEach((r, i) => (r.dataset.cursor = String(i === next)));
        list[next].querySelector<HTMLElement>('a')?.focus();
      } else if (shortcut === 'create') {
        void navigate(CREATE_TICKET_ROUTE);
      } else if (shortcut === 'assign-me') {
        byId('action-assign-me')?.click();
      } else if (shortcut === 'comment') {
        byId('comment-body')?.focus();
      } else {
        byId('field-status')?.click();
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
  return null;
}
