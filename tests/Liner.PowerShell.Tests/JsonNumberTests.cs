using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

/// <summary>
/// Numbers in fields the module does not know: kept exact (long, BigInteger, decimal) or, where no exact
/// .NET type holds them, as the nearest double; never with fewer significant digits than that double.
/// </summary>
public class JsonNumberTests
{
    private static readonly BigInteger DecimalCoefficientLimit = BigInteger.One << 96;

    /// <summary>The value of an unknown field <c>x</c> of a virtual number, read as the list reader reads it.</summary>
    private static object? ReadUnknownField(string number) =>
        Mapping.Map(new VirtualNumberMapper(), $$"""{"id":1,"x":{{number}}}""").ExtraFields.Single().Value;

    [Theory]
    [InlineData("6.170243740505176e-22")]
    [InlineData("2.424878e-27")]
    [InlineData("1e-28")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("1.0000000000000000000000000001")]
    [InlineData("7.9228162514264337593543950335e28")]
    [InlineData("7.9228162514264337593543950336e28")]
    [InlineData("0.1")]
    [InlineData("-12.5e-3")]
    public void KeepsEveryDigitTheJsonSpells(string number) => AssertAsOracleSays(number, ReadUnknownField);

    [Fact]
    public void AFractionWithManyLeadingZerosIsTheNearestDoubleWhereADecimalWouldDropDigits()
    {
        Assert.Equal(6.170243740505176e-22, Assert.IsType<double>(ReadUnknownField("6.170243740505176e-22")));
        Assert.Equal(2.424878e-27, Assert.IsType<double>(ReadUnknownField("2.424878e-27")));
        Assert.Equal(0.0000000000000000000000000024m, Assert.IsType<decimal>(ReadUnknownField("2.4e-27")));
    }

    [Theory]
    [InlineData("1.50", "1.50")]
    [InlineData("1e2", "100")]
    [InlineData("1.5E+3", "1500")]
    [InlineData("1.50e1", "15.0")]
    [InlineData("100.000", "100.000")]
    [InlineData("-0.0", "0.0")]
    [InlineData("0e-400", "0.0000000000000000000000000000")]
    [InlineData("1.0000000000000000000000000000000000000", "1.0000000000000000000000000000")]
    [InlineData("12345678901234567890.00000000000000", "12345678901234567890.000000000")]
    public void ADecimalKeepsTheScaleTheJsonSpellsWhereItFits(string number, string shown) =>
        Assert.Equal(shown, Assert.IsType<decimal>(ReadUnknownField(number)).ToString(CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("-0", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void AWholeNumberIsALong(string number, long value) => Assert.Equal(value, Assert.IsType<long>(ReadUnknownField(number)));

    [Theory]
    [InlineData("1e-400", 0.0)]
    [InlineData("-1e-400", -0.0)]
    [InlineData("4.9e-324", double.Epsilon)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    public void ATinyOrHugeFractionIsTheNearestDouble(string number, double value) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(Assert.IsType<double>(ReadUnknownField(number))));

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1.8e308")]
    [InlineData("1e999999999999999999999")]
    public void RefusesANumberBeyondTheRangeOfEveryNumberTypeNamingTheField(string number)
    {
        var error = Assert.Throws<ResponseShapeException>(() => ReadUnknownField(number));
        Assert.Contains("'x'", error.Message);
        Assert.Contains("beyond the range", error.Message);
    }

    [Fact]
    public void ReadsNumbersInParamsAndNestedValuesTheSameWay()
    {
        var number = Mapping.Map(new VirtualNumberMapper(), """{"id":1,"params":{"rate":6.170243740505176e-22,"list":[2.424878e-27,1.50]}}""");
        Assert.Equal(6.170243740505176e-22, number.Params["rate"]);
        var list = Assert.IsType<object?[]>(number.Params["list"]);
        Assert.Equal(2.424878e-27, list[0]);
        Assert.Equal(1.50m, list[1]);
        var order = Mapping.Map(Endpoint.MapperOf<Order>(), """{"id":1,"x":6.170243740505176e-22}""");
        Assert.Equal(6.170243740505176e-22, order.ExtraFields.Single().Value);
    }

    /// <summary>
    /// Differential fuzz: random JSON numbers (whole numbers of many sizes, fractions with leading and
    /// trailing zeros, exponents, signs, and doubles' shortest round-trip text) against an oracle built
    /// on BigInteger arithmetic over the digits and double.Parse.
    /// </summary>
    [Fact]
    public void MatchesTheOracleForRandomNumbers()
    {
        var random = new Random(20240617);
        var clock = Stopwatch.StartNew();
        const int cases = 5000;
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < cases; i++)
        {
            var outcome = AssertAsOracleSays(RandomNumber(random), ReadUnknownField);
            outcomes[outcome] = outcomes.TryGetValue(outcome, out var count) ? count + 1 : 1;
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{cases} cases took {clock.Elapsed}");
        // Every kind of outcome is met often enough to mean something.
        foreach (var kind in new[] { "long", "BigInteger", "decimal", "double", "refused" })
        {
            Assert.True(outcomes.TryGetValue(kind, out var met) && met >= 50, $"{kind}: {met} of {cases}; {string.Join(", ", outcomes)}");
        }
    }

    private static string RandomNumber(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                // The shortest text that round-trips a random double, as JSON encoders write it.
                double value;
                do
                {
                    value = BitConverter.Int64BitsToDouble(NextInt64(random));
                }
                while (double.IsNaN(value) || double.IsInfinity(value));
                return value.ToString("R", CultureInfo.InvariantCulture);
            case 1:
                // Numbers near decimal's limits: 28 places, 96 bits.
                return (random.Next(2) == 0 ? "0." + new string('0', random.Next(20, 30)) : string.Empty) + Digits(random, random.Next(1, 32), leadingZeroAllowed: false);
            default:
                var text = new StringBuilder();
                if (random.Next(4) == 0)
                {
                    text.Append('-');
                }
                text.Append(random.Next(3) == 0 ? "0" : Digits(random, Sized(random, 45), leadingZeroAllowed: false));
                if (random.Next(3) != 0)
                {
                    text.Append('.').Append('0', random.Next(3) == 0 ? random.Next(40) : 0).Append(Digits(random, Sized(random, 40), leadingZeroAllowed: true));
                    if (random.Next(4) == 0)
                    {
                        text.Append('0', random.Next(1, 40));
                    }
                }
                if (random.Next(2) == 0)
                {
                    text.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "", 1 => "+", _ => "-" });
                    text.Append(random.Next(3) == 0 ? random.Next(420) : random.Next(35));
                }
                return text.ToString();
        }
    }

    /// <summary>A length from 1 to <paramref name="max"/>, short ones more often.</summary>
    private static int Sized(Random random, int max) => 1 + (int)(Math.Pow(random.NextDouble(), 2) * max);

    private static string Digits(Random random, int count, bool leadingZeroAllowed)
    {
        var digits = new char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + (i == 0 && !leadingZeroAllowed ? random.Next(1, 10) : random.Next(10)));
        }
        return new string(digits);
    }

    private static long NextInt64(Random random)
    {
        var bytes = new byte[8];
        random.NextBytes(bytes);
        return BitConverter.ToInt64(bytes, 0);
    }

    /// <summary>Asserts what the oracle says <paramref name="number"/> reads as, and says which kind of outcome that was.</summary>
    private static string AssertAsOracleSays(string number, Func<string, object?> read)
    {
        var (negative, digits, exponent) = Decompose(number);
        if (number.IndexOfAny(new[] { '.', 'e', 'E' }) < 0)
        {
            var whole = negative ? -digits : digits;
            var actual = read(number);
            if (whole >= long.MinValue && whole <= long.MaxValue)
            {
                Assert.Equal((long)whole, Assert.IsType<long>(actual));
                return "long";
            }
            Assert.Equal(whole, Assert.IsType<BigInteger>(actual));
            return "BigInteger";
        }
        if (FitsDecimal(digits, exponent))
        {
            var actual = read(number);
            var exact = Assert.IsType<decimal>(actual);
            var (coefficient, scale) = Decompose(exact);
            // coefficient / 10^scale == ±digits × 10^exponent, compared without rounding.
            var left = coefficient * BigInteger.Pow(10, Math.Max(0, -exponent));
            var right = (negative ? -digits : digits) * BigInteger.Pow(10, scale + Math.Max(0, exponent));
            Assert.True(left == right, $"{number} read as decimal {exact}");
            return "decimal";
        }
        var nearest = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(nearest))
        {
            var error = Assert.Throws<ResponseShapeException>(() => read(number));
            Assert.Contains("'x'", error.Message);
            return "refused";
        }
        var read2 = read(number);
        Assert.True(read2 is double, $"{number} read as {read2?.GetType().Name} {read2}, where the double {nearest:R} was expected");
        Assert.True(BitConverter.DoubleToInt64Bits(nearest) == BitConverter.DoubleToInt64Bits((double)read2!), $"{number} read as {(double)read2!:R}, where {nearest:R} was expected");
        return "double";
    }

    /// <summary>A JSON number as ±digits × 10^exponent; the exponent saturates far outside any type's reach.</summary>
    private static (bool Negative, BigInteger Digits, int Exponent) Decompose(string number)
    {
        var negative = number.StartsWith("-", StringComparison.Ordinal);
        var body = negative ? number.Substring(1) : number;
        var e = body.IndexOfAny(new[] { 'e', 'E' });
        var mantissa = e < 0 ? body : body.Substring(0, e);
        var exponent = e < 0 ? 0 : (int)BigInteger.Clamp(BigInteger.Parse(body.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), -100_000, 100_000);
        var point = mantissa.IndexOf('.');
        if (point >= 0)
        {
            exponent -= mantissa.Length - point - 1;
            mantissa = mantissa.Remove(point, 1);
        }
        return (negative, BigInteger.Parse(mantissa, CultureInfo.InvariantCulture), exponent);
    }

    /// <summary>Whether some decimal (a coefficient below 2^96, a scale of 0 to 28) equals digits × 10^exponent.</summary>
    private static bool FitsDecimal(BigInteger digits, int exponent)
    {
        if (digits.IsZero)
        {
            return true;
        }
        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }
        if (exponent < -28 || exponent > 29)
        {
            return false;
        }
        return digits * BigInteger.Pow(10, Math.Max(0, exponent)) < DecimalCoefficientLimit;
    }

    private static (BigInteger Coefficient, int Scale) Decompose(decimal value)
    {
        var bits = decimal.GetBits(value);
        var coefficient = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | (uint)bits[0];
        return (bits[3] < 0 ? -coefficient : coefficient, (bits[3] >> 16) & 0xFF);
    }
}
