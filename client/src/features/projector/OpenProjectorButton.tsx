import { useState } from 'react';
import { AppPath } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { api } from '../../realtime/api';
import { loadSession, saveSession } from '../../realtime/sessions';
import { useWorkshopClient } from '../../realtime/WorkshopContext';

/** Opens the projector screen in a new window (drag it to the room's display). */
export function OpenProjectorButton() {
  const t = useT();
  const client = useWorkshopClient();
  const { workshopId, token } = client.session;
  const [error, setError] = useState(false);

  const open = async () => {
    // Open the window now, within the click, so no popup blocker stops it.
    const win = window.open('', 'plenary-projector');
    if (!loadSession(workshopId, 'projector')) {
      const r = await api.openProjector(token, workshopId);
      if (!r.ok) {
        win?.close();
        setError(true);
        return;
      }
      saveSession(r.data);
    }
    setError(false);
    if (win) win.location.href = AppPath.projector(workshopId);
    else location.href = AppPath.projector(workshopId);
  };

  return (
    <>
      <button type="button" onClick={() => void open()}>
        {t('console.projector.open')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {t('error.generic')}
        </p>
      )}
    </>
  );
}
