import { useEffect } from 'react';
import { api } from '../../api/client';
import { useUi } from '../../app/store';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;
const CHECK_EVERY_MS = 15_000;

/**
 * Locks the workspace after the workspace's auto-lock time without keyboard, mouse or touch
 * input. The core keeps its own clock too (it counts calls, this counts input); and when the
 * core locked first — a laptop that slept, say — the next check shows the lock screen.
 */
export function AutoLock() {
  const minutes = useUi((s) => s.status?.autoLockMinutes ?? 0);
  const setStatus = useUi((s) => s.setStatus);

  useEffect(() => {
    let lastInput = Date.now();
    let checking = false;
    const onInput = () => {
      lastInput = Date.now();
    };
    const check = async () => {
      if (checking) return;
      checking = true;
      try {
        if (minutes > 0 && Date.now() - lastInput >= minutes * 60_000) {
          const r = await api.workspaceLock({ reason: 'idle' });
          if (r.ok) return setStatus(r.value);
        }
        const s = await api.workspaceStatus({});
        if (s.ok && s.value.state !== 'unlocked') setStatus(s.value);
      } finally {
        checking = false;
      }
    };
    const onVisible = () => document.visibilityState === 'visible' && void check();
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    };
  }, [minutes, setStatus]);

  return null;
}
