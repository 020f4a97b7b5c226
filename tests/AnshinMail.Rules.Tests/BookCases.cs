using AnshinMail.Rules.Calendar;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Templates;

namespace AnshinMail.Rules.Tests;

/// <summary>
/// One policy book of rules/ (Nagano, or the fictional sample prefecture) and the cases the shared suites build in it:
/// every unit, category, area and hour is picked from the book by what it is, never by a prefecture's name, so a
/// test written over <see cref="Both"/> proves the behaviour and not a Nagano fact.
/// </summary>
public sealed class BookCases
{
    private static readonly Lazy<BookCases> LazyNagano = new(() => new BookCases("nagano", TestBook.Book));
    private static readonly Lazy<BookCases> LazySample =
        new(() => new BookCases("sample", PolicyBook.Load(SamplePath)));
    private readonly Lazy<PolicyEngine> _engine;
    private readonly Lazy<MessageRenderer> _renderer;

    private BookCases(string name, PolicyBook book)
    {
        Name = name;
        Book = book;
        _engine = new(() => name == "nagano" ? TestBook.Engine : new PolicyEngine(book));
        _renderer = new(() => name == "nagano" ? TestBook.Renderer : new MessageRenderer(book));
    }

    public static string SamplePath => Path.Combine(TestBook.RepositoryRoot, "rules", "sample.json");
    public static BookCases Nagano => LazyNagano.Value;
    public static BookCases Sample => LazySample.Value;

    /// <summary>The books of the shared suites, by name, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Both => new("nagano", "sample");

    public static BookCases Named(string name) => name switch
    {
        "nagano" => Nagano,
        "sample" => Sample,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test book"),
    };

    public string Name { get; }
    public PolicyBook Book { get; }
    public PolicyEngine Engine => _engine.Value;
    public PolicyCalendar Calendar => Engine.Calendar;
    public MessageRenderer Renderer => _renderer.Value;
    public override string ToString() => Name;

    /// <summary>The first station of the book, the one the cases write in.</summary>
    public UnitDefinition Station => Book.Stations.First();
    /// <summary>The station's first neighbour (Y11.4).</summary>
    public UnitDefinition Neighbour => Book.Unit(Station.Neighbours[0].Unit);
    /// <summary>A station that is neither this one nor one of its neighbours: its areas are outside (T3(2)).</summary>
    public UnitDefinition FarStation => Book.Stations.First(s =>
        s.Id != Station.Id && Station.Neighbours.All(n => n.Unit != s.Id));
    public string Area => Station.Jurisdiction[0];
    public string FarArea => FarStation.Jurisdiction[0];

    /// <summary>Y8: the category whose victims are children (an upper age bound).</summary>
    public CategoryDefinition ChildCategory => Book.Categories.First(c => c.Victim is { MaxAge: not null });
    /// <summary>Y8: the category whose victims are women (a sex and a lower age bound).</summary>
    public CategoryDefinition WomenCategory => Book.Categories.First(c => c.Victim is { Sex: Sex.Female });
    /// <summary>Y8: a category without victim bounds that warns about a victim fitting another.</summary>
    public CategoryDefinition WarningCategory => Book.Categories.First(c => c.VictimFitWarning);
    /// <summary>A category with no victim bounds and no warning.</summary>
    public CategoryDefinition PlainCategory =>
        Book.Categories.First(c => c.Victim is null && !c.VictimFitWarning);

    /// <summary>The fields of <see cref="Cases.Fields"/>, placed in the book's first area (Nagano's as they are).
    /// </summary>
    public AlertFields Fields => Name == "nagano" ? Cases.Fields : Cases.Fields with { Place = Area + "の通学路" };

    public TimeOnly Opens => Book.SendingHours.Start;
    public TimeOnly Closes => Book.SendingHours.End;

    /// <summary>An instant on the given Japan date at the given time of day.</summary>
    public static DateTimeOffset On(int y, int mo, int d, TimeOnly t) =>
        Cases.Jst(y, mo, d, t.Hour, t.Minute, t.Second);

    public Person Staff(string? unit = null, string id = "staff1") =>
        new(id, unit ?? Station.Id, new HashSet<Role> { Role.Staff });
    public Person Distributor(string? unit = null, string id = "head1") =>
        new(id, unit ?? Station.Id, new HashSet<Role> { Role.Distributor, Role.Staff });
    public Person PrOfficer(string? unit = null, string id = "pr1") =>
        new(id, unit ?? Station.Id, new HashSet<Role> { Role.PrOfficer, Role.Staff });
    public Person DutyOfficer(string? unit = null, string id = "duty1") =>
        new(id, unit ?? Station.Id, new HashSet<Role> { Role.DutyOfficer, Role.Staff });
    public Person SecurityManager =>
        new("sec1", Book.Offices.SecurityManagerUnit, new HashSet<Role> { Role.SecurityManager });

    /// <summary>A victim the category admits: a child under its bound, a woman over hers, none otherwise.</summary>
    public static Victim? FittingVictim(CategoryDefinition c) => c.Victim switch
    {
        { MaxAge: { } max } v => new Victim(Math.Min(10, max), v.Sex ?? Sex.Female),
        { MinAge: { } min } v => new Victim(min + 10, v.Sex ?? Sex.Female),
        { } v => new Victim(30, v.Sex ?? Sex.Female),
        null => null,
    };

    public DraftFact Draft(
        CategoryDefinition? category = null, string? unit = null, Victim? victim = null, string[]? areas = null,
        string author = "staff1")
    {
        var c = category ?? ChildCategory;
        var u = Book.Unit(unit ?? Station.Id);
        var targets = areas ?? (u.IsHq ? [Book.AllAreas.First()] : [u.Jurisdiction[0]]);
        var f = Fields;
        var v = victim ?? FittingVictim(c);
        return new DraftFact
        {
            Category = c,
            Unit = u,
            AuthorId = author,
            Victim = v,
            Fields = f,
            TargetAreas = targets,
            ContentHash = ContentHash.Of(c.Id, u.Id, null, f, targets, false, null, PhysicalHarm.None, v),
        };
    }

    public IReadOnlySet<string> AllConfirmations => Book.PrivacyConfirmations.Select(c => c.Id).ToHashSet();
    public IReadOnlySet<string> AllEmergencyConditions => Book.EmergencyConditions.Select(c => c.Id).ToHashSet();

    public ApprovalFact Approval(Person approver, DraftFact draft, bool absent = false) => new()
    {
        Approver = approver,
        DistributorAbsent = absent,
        Confirmations = AllConfirmations,
        ContentHash = draft.ContentHash,
    };

    public PolicyVerdict Evaluate(PolicyCase c) => Engine.Evaluate(c);

    public PolicyVerdict Preview(DraftFact draft, DateTimeOffset? at = null) => Evaluate(new PolicyCase
    {
        Stage = PolicyStage.Draft, At = at ?? Cases.WorkingHours, Actor = Staff(draft.Unit.Id), Draft = draft,
    });

    public PolicyVerdict Approve(DraftFact draft, ApprovalFact approval, DateTimeOffset? at = null) => Evaluate(new()
    {
        Stage = PolicyStage.Approve, At = at ?? Cases.WorkingHours, Actor = approval.Approver, Draft = draft,
        Approval = approval,
    });

    public PolicyVerdict Send(DraftFact draft, ApprovalFact? approval, DateTimeOffset? at = null,
        EmergencyFact? emergency = null) => Evaluate(new()
    {
        Stage = PolicyStage.Send, At = at ?? Cases.WorkingHours, Actor = Staff(draft.Unit.Id), Draft = draft,
        Approval = approval, Emergency = emergency,
    });
}
