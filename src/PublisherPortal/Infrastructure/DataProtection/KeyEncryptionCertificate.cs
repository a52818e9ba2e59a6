using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PublisherPortal.Infrastructure.DataProtection;

/// <summary>
/// The X.509 certificate the Data Protection keys are encrypted with before they are stored, so a copy of the
/// database alone cannot forge or read cookies and session tickets. Either a PFX file (<see cref="PathKey"/>, with
/// <see cref="PasswordKey"/> from the environment) or a certificate in the "My" store (<see cref="ThumbprintKey"/>).
/// Required in Production; elsewhere keys are stored unencrypted unless one is set. Every problem stops start-up
/// naming the setting.
/// </summary>
public static class KeyEncryptionCertificate
{
    public const string PathKey = "DataProtection:CertificatePath";
    public const string PasswordKey = "DataProtection:CertificatePassword";
    public const string ThumbprintKey = "DataProtection:CertificateThumbprint";

    public static X509Certificate2? Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration[PathKey];
        var thumbprint = configuration[ThumbprintKey];
        if (!string.IsNullOrWhiteSpace(path) && !string.IsNullOrWhiteSpace(thumbprint))
        {
            throw new InvalidOperationException($"Both {PathKey} and {ThumbprintKey} are set: set one of them.");
        }

        var certificate = !string.IsNullOrWhiteSpace(path) ? FromFile(path, configuration[PasswordKey], environment.ContentRootPath)
            : !string.IsNullOrWhiteSpace(thumbprint) ? FromStore(thumbprint)
            : null;
        if (certificate is null)
        {
            return environment.IsProduction()
                ? throw new InvalidOperationException(
                    $"{PathKey} is not set. In Production the Data Protection keys are encrypted with an X.509 certificate: " +
                    $"set {PathKey} to a PFX file and {PasswordKey} to its password (DataProtection__CertificatePath, " +
                    $"DataProtection__CertificatePassword), or {ThumbprintKey} to a certificate in the My store.")
                : null;
        }

        var setting = path is { Length: > 0 } ? PathKey : ThumbprintKey;
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"The certificate {setting} names ({certificate.Subject}) has no private key: keys encrypted with it could never be read back.");
        }

        // The key store encrypts with XML Encryption's RSA key transport; another key type fails only when the first key is made.
        using var rsa = certificate.GetRSAPublicKey();
        return rsa is not null ? certificate : throw new InvalidOperationException(
            $"The certificate {setting} names ({certificate.Subject}) does not hold an RSA key, which Data Protection needs to encrypt keys.");
    }

    private static X509Certificate2 FromFile(string path, string? password, string contentRoot)
    {
        var fullPath = Path.GetFullPath(path, contentRoot);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException($"{PathKey} is '{path}', but there is no file at {fullPath}.");
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(fullPath, password);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{PathKey} ('{path}') could not be opened as a PFX with {PasswordKey}: {e.Message}", e);
        }
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        // Linux offers only the current user's My store; Windows services often keep theirs in the machine's.
        var locations = OperatingSystem.IsWindows() ? [StoreLocation.CurrentUser, StoreLocation.LocalMachine] : new[] { StoreLocation.CurrentUser };
        foreach (var location in locations)
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException)
            {
                continue; // no such store yet: nothing to find in it
            }

            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Trim(), validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        throw new InvalidOperationException(
            $"{ThumbprintKey} is '{thumbprint}', but no certificate with that thumbprint is in the My store of {string.Join(" or ", locations)}.");
    }
}
