IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
CREATE TABLE [AccessTiers] (
    [Id] int NOT NULL IDENTITY,
    [Name] nvarchar(100) NOT NULL,
    [Slug] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Rank] int NOT NULL,
    [Description] nvarchar(500) NULL,
    CONSTRAINT [PK_AccessTiers] PRIMARY KEY ([Id])
);

CREATE TABLE [Authors] (
    [Id] int NOT NULL IDENTITY,
    [Name] nvarchar(150) NOT NULL,
    [Slug] nvarchar(150) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Role] nvarchar(150) NULL,
    [Bio] nvarchar(2000) NULL,
    CONSTRAINT [PK_Authors] PRIMARY KEY ([Id])
);

CREATE TABLE [ConsumedLogoutTokens] (
    [Issuer] nvarchar(500) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [TokenId] nvarchar(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [ExpiresAt] datetime2 NOT NULL,
    CONSTRAINT [PK_ConsumedLogoutTokens] PRIMARY KEY NONCLUSTERED ([Issuer], [TokenId])
);

CREATE TABLE [DataProtectionKeys] (
    [Id] int NOT NULL IDENTITY,
    [FriendlyName] nvarchar(200) NULL,
    [Xml] nvarchar(max) NOT NULL,
    CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
);

CREATE TABLE [KnownReaders] (
    [Id] int NOT NULL IDENTITY,
    [Issuer] nvarchar(500) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Subject] nvarchar(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [ProviderKey] nvarchar(100) NOT NULL,
    [Email] nvarchar(320) COLLATE Latin1_General_100_BIN2 NULL,
    [Name] nvarchar(200) NULL,
    [PlanKeys] nvarchar(2000) NOT NULL,
    [PlansSource] nvarchar(50) NOT NULL,
    [PlansReadAt] datetime2 NOT NULL,
    [LastTierRank] int NULL,
    [FirstSeenAt] datetime2 NOT NULL,
    [LastSignInAt] datetime2 NOT NULL,
    CONSTRAINT [PK_KnownReaders] PRIMARY KEY ([Id])
);

CREATE TABLE [MeteredReads] (
    [Issuer] nvarchar(500) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Subject] nvarchar(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Month] nvarchar(7) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [ArticleId] int NOT NULL,
    [ReadAt] datetime2 NOT NULL,
    CONSTRAINT [PK_MeteredReads] PRIMARY KEY NONCLUSTERED ([Issuer], [Subject], [Month], [ArticleId])
);

CREATE TABLE [ReaderSessions] (
    [Id] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Provider] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Issuer] nvarchar(500) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Subject] nvarchar(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [ProviderSessionId] nvarchar(255) COLLATE Latin1_General_100_BIN2 NULL,
    [Ticket] varbinary(max) NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    [LastSeenAt] datetime2 NOT NULL,
    [ExpiresAt] datetime2 NOT NULL,
    CONSTRAINT [PK_ReaderSessions] PRIMARY KEY ([Id])
);

CREATE TABLE [Sections] (
    [Id] int NOT NULL IDENTITY,
    [Name] nvarchar(100) NOT NULL,
    [Slug] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Description] nvarchar(500) NULL,
    [Position] int NOT NULL,
    CONSTRAINT [PK_Sections] PRIMARY KEY ([Id])
);

CREATE TABLE [Tags] (
    [Id] int NOT NULL IDENTITY,
    [Name] nvarchar(100) NOT NULL,
    [Slug] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT [PK_Tags] PRIMARY KEY ([Id])
);

CREATE TABLE [UnmappedPlans] (
    [Id] int NOT NULL IDENTITY,
    [ProviderKey] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [PlanKey] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Label] nvarchar(200) NULL,
    [SeenCount] int NOT NULL,
    [FirstSeenAt] datetime2 NOT NULL,
    [LastSeenAt] datetime2 NOT NULL,
    CONSTRAINT [PK_UnmappedPlans] PRIMARY KEY ([Id])
);

CREATE TABLE [PlanMappings] (
    [Id] int NOT NULL IDENTITY,
    [ProviderKey] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [PlanKey] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [AccessTierId] int NOT NULL,
    CONSTRAINT [PK_PlanMappings] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_PlanMappings_AccessTiers_AccessTierId] FOREIGN KEY ([AccessTierId]) REFERENCES [AccessTiers] ([Id]) ON DELETE NO ACTION
);

CREATE TABLE [Articles] (
    [Id] int NOT NULL IDENTITY,
    [Title] nvarchar(200) NOT NULL,
    [Slug] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Summary] nvarchar(600) NOT NULL,
    [Body] nvarchar(max) NOT NULL,
    [SectionId] int NOT NULL,
    [HeroImageUrl] nvarchar(500) NULL,
    [HeroImageAlt] nvarchar(300) NULL,
    [SeoTitle] nvarchar(200) NULL,
    [SeoDescription] nvarchar(300) NULL,
    [Status] int NOT NULL,
    [PublishedAt] datetime2 NULL,
    [UpdatedAt] datetime2 NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    [AccessLevel] int NOT NULL,
    [MinimumTierId] int NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_Articles] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Articles_AccessTiers_MinimumTierId] FOREIGN KEY ([MinimumTierId]) REFERENCES [AccessTiers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_Articles_Sections_SectionId] FOREIGN KEY ([SectionId]) REFERENCES [Sections] ([Id]) ON DELETE NO ACTION
);

CREATE TABLE [ArticleAuthor] (
    [ArticleId] int NOT NULL,
    [AuthorId] int NOT NULL,
    [Position] int NOT NULL,
    CONSTRAINT [PK_ArticleAuthor] PRIMARY KEY ([ArticleId], [AuthorId]),
    CONSTRAINT [FK_ArticleAuthor_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_ArticleAuthor_Authors_AuthorId] FOREIGN KEY ([AuthorId]) REFERENCES [Authors] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [ArticleTag] (
    [ArticleId] int NOT NULL,
    [TagId] int NOT NULL,
    CONSTRAINT [PK_ArticleTag] PRIMARY KEY ([ArticleId], [TagId]),
    CONSTRAINT [FK_ArticleTag_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_ArticleTag_Tags_TagId] FOREIGN KEY ([TagId]) REFERENCES [Tags] ([Id]) ON DELETE CASCADE
);

CREATE UNIQUE INDEX [IX_AccessTiers_Rank] ON [AccessTiers] ([Rank]);

CREATE UNIQUE INDEX [IX_AccessTiers_Slug] ON [AccessTiers] ([Slug]);

CREATE INDEX [IX_ArticleAuthor_AuthorId_ArticleId] ON [ArticleAuthor] ([AuthorId], [ArticleId]);

CREATE INDEX [IX_ArticleTag_TagId_ArticleId] ON [ArticleTag] ([TagId], [ArticleId]);

CREATE INDEX [IX_Articles_MinimumTierId] ON [Articles] ([MinimumTierId]);

CREATE INDEX [IX_Articles_SectionId_Status_PublishedAt_Id] ON [Articles] ([SectionId], [Status], [PublishedAt], [Id]);

CREATE UNIQUE INDEX [IX_Articles_Slug] ON [Articles] ([Slug]);

CREATE INDEX [IX_Articles_Status_PublishedAt_Id] ON [Articles] ([Status], [PublishedAt], [Id]);

CREATE UNIQUE INDEX [IX_Authors_Slug] ON [Authors] ([Slug]);

CREATE INDEX [IX_ConsumedLogoutTokens_ExpiresAt] ON [ConsumedLogoutTokens] ([ExpiresAt]);

CREATE INDEX [IX_KnownReaders_Email] ON [KnownReaders] ([Email]);

CREATE UNIQUE INDEX [IX_KnownReaders_Issuer_Subject] ON [KnownReaders] ([Issuer], [Subject]);

CREATE INDEX [IX_PlanMappings_AccessTierId] ON [PlanMappings] ([AccessTierId]);

CREATE UNIQUE INDEX [IX_PlanMappings_ProviderKey_PlanKey] ON [PlanMappings] ([ProviderKey], [PlanKey]);

CREATE INDEX [IX_ReaderSessions_ExpiresAt] ON [ReaderSessions] ([ExpiresAt]);

CREATE INDEX [IX_ReaderSessions_Issuer_Subject] ON [ReaderSessions] ([Issuer], [Subject]);

CREATE INDEX [IX_ReaderSessions_Provider_ProviderSessionId] ON [ReaderSessions] ([Provider], [ProviderSessionId]);

CREATE UNIQUE INDEX [IX_Sections_Slug] ON [Sections] ([Slug]);

CREATE UNIQUE INDEX [IX_Tags_Slug] ON [Tags] ([Slug]);

CREATE UNIQUE INDEX [IX_UnmappedPlans_ProviderKey_PlanKey] ON [UnmappedPlans] ([ProviderKey], [PlanKey]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261130184200_InitialCreate', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
ALTER TABLE [MeteredReads] ADD [Slot] int NOT NULL DEFAULT 0;

EXEC(N'UPDATE [MeteredReads] SET [Slot] = (
    SELECT COUNT(*) FROM [MeteredReads] AS [earlier]
    WHERE [earlier].[Issuer] = [MeteredReads].[Issuer] AND [earlier].[Subject] = [MeteredReads].[Subject]
      AND [earlier].[Month] = [MeteredReads].[Month] AND [earlier].[ArticleId] <= [MeteredReads].[ArticleId])');

CREATE UNIQUE INDEX [IX_MeteredReads_Issuer_Subject_Month_Slot] ON [MeteredReads] ([Issuer], [Subject], [Month], [Slot]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261130193551_AddMeteredReadSlots', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
DROP TABLE [ConsumedLogoutTokens];

CREATE TABLE [ConsumedTokens] (
    [KeyHash] char(43) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [ExpiresAt] datetime2 NOT NULL,
    CONSTRAINT [PK_ConsumedTokens] PRIMARY KEY ([KeyHash])
);

CREATE INDEX [IX_ConsumedTokens_ExpiresAt] ON [ConsumedTokens] ([ExpiresAt]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261130195009_ConsumedTokens', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
CREATE TABLE [AuditEntries] (
    [Id] bigint NOT NULL IDENTITY,
    [At] datetime2 NOT NULL,
    [ActorIssuer] nvarchar(500) NOT NULL,
    [ActorSubject] nvarchar(255) NOT NULL,
    [ActorName] nvarchar(200) NOT NULL,
    [Action] nvarchar(50) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Target] nvarchar(300) NOT NULL,
    [Before] nvarchar(2000) NULL,
    [After] nvarchar(2000) NULL,
    CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
);

CREATE TABLE [StaffMembers] (
    [Id] int NOT NULL IDENTITY,
    [Issuer] nvarchar(500) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Subject] nvarchar(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [Role] nvarchar(20) NOT NULL,
    [Name] nvarchar(200) NULL,
    [Email] nvarchar(320) NULL,
    [VerifiedEmail] nvarchar(320) NULL,
    [GrantedAt] datetime2 NOT NULL,
    [GrantedBy] nvarchar(200) NOT NULL,
    CONSTRAINT [PK_StaffMembers] PRIMARY KEY ([Id])
);

CREATE INDEX [IX_AuditEntries_Action_At] ON [AuditEntries] ([Action], [At]);

CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);

CREATE UNIQUE INDEX [IX_StaffMembers_Issuer_Subject] ON [StaffMembers] ([Issuer], [Subject]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261130205432_AddStaffAndAuditLog', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
ALTER TABLE [PlanMappings] ADD [Offer] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL;

CREATE UNIQUE INDEX [IX_PlanMappings_ProviderKey_Offer] ON [PlanMappings] ([ProviderKey], [Offer]) WHERE [Offer] IS NOT NULL;

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261130212259_AddPlanMappingOffer', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
DROP INDEX [IX_Articles_SectionId_Status_PublishedAt_Id] ON [Articles];

CREATE INDEX [IX_Articles_PublishedAt_Id] ON [Articles] ([PublishedAt], [Id]);

CREATE INDEX [IX_Articles_SectionId_PublishedAt_Id] ON [Articles] ([SectionId], [PublishedAt], [Id]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261130223140_ReaderListIndexes', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
ALTER TABLE [Articles] ADD [TeaserParagraphs] int NULL;

CREATE TABLE [ArticleRevisions] (
    [Id] bigint NOT NULL IDENTITY,
    [ArticleId] int NOT NULL,
    [At] datetime2 NOT NULL,
    [ActorIssuer] nvarchar(500) NOT NULL,
    [ActorSubject] nvarchar(255) NOT NULL,
    [ActorName] nvarchar(200) NOT NULL,
    [Title] nvarchar(200) NOT NULL,
    [Slug] nvarchar(200) NOT NULL,
    [Summary] nvarchar(600) NOT NULL,
    [Body] nvarchar(max) NOT NULL,
    [SectionId] int NOT NULL,
    [Tags] nvarchar(4000) NOT NULL,
    [AuthorIds] nvarchar(1000) NOT NULL,
    [HeroImageUrl] nvarchar(500) NULL,
    [HeroImageAlt] nvarchar(300) NULL,
    [SeoTitle] nvarchar(200) NULL,
    [SeoDescription] nvarchar(300) NULL,
    [AccessLevel] int NOT NULL,
    [MinimumTierId] int NULL,
    [TeaserParagraphs] int NULL,
    CONSTRAINT [PK_ArticleRevisions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_ArticleRevisions_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [ArticleSlugRedirects] (
    [Id] int NOT NULL IDENTITY,
    [OldSlug] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [ArticleId] int NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    CONSTRAINT [PK_ArticleSlugRedirects] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_ArticleSlugRedirects_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE
);

CREATE INDEX [IX_ArticleRevisions_ArticleId_Id] ON [ArticleRevisions] ([ArticleId], [Id]);

CREATE INDEX [IX_ArticleSlugRedirects_ArticleId] ON [ArticleSlugRedirects] ([ArticleId]);

CREATE UNIQUE INDEX [IX_ArticleSlugRedirects_OldSlug] ON [ArticleSlugRedirects] ([OldSlug]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261130230320_AddNewsroom', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
ALTER TABLE [Authors] ADD [PhotoUrl] nvarchar(500) NULL;

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261130233050_AddAuthorPhoto', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
CREATE TABLE [StoredImages] (
    [Id] uniqueidentifier NOT NULL,
    [ContentType] nvarchar(50) NOT NULL,
    [Bytes] varbinary(max) NOT NULL,
    [Sha256] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    [ByteLength] int NOT NULL,
    [Width] int NULL,
    [Height] int NULL,
    [UploadedAt] datetime2 NOT NULL,
    [UploadedByIssuer] nvarchar(500) NOT NULL,
    [UploadedBySubject] nvarchar(255) NOT NULL,
    [UploadedByName] nvarchar(200) NOT NULL,
    CONSTRAINT [PK_StoredImages] PRIMARY KEY ([Id])
);

CREATE INDEX [IX_StoredImages_Sha256] ON [StoredImages] ([Sha256]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201002850_AddStoredImages', N'10.0.15');

COMMIT;
GO

