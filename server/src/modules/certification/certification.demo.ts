export async function seedCertificationDemo(): Promise<void> {}
