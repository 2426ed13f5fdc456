/** The text and name of a pack file the admin picked, read in the browser before it is sent. */
import { useCallback, useState } from 'react';

export function useAdminPackFile() {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const choose = useCallback(async (picked: File | undefined) => {
    setFile(picked ? { name: picked.name, text: await picked.text() } : null);
  }, []);
  return { file, choose };
}
