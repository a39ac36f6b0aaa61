using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Shouldly;

namespace TicketBlue.Tests;

/// <summary>The app's own database connection, as the composition root builds it from configuration.</summary>
[Trait("Category", "Unit")]
public sealed class DependencyInjectionTests
{
    [Theory]
    [InlineData("Server=db;Database=ticketblue;User ID=app;Password=x;AllowLoadLocalInfile=true")]
    [InlineData("Server=db;Database=ticketblue;User ID=app;Password=x")]
    public void ShouldNeverLetTheServerAskForLocalFiles_WhateverTheConfigurationSays(string configured)
    {
        var connection = new MySqlConnectionStringBuilder(DependencyInjection.AppConnectionString(configured));

        connection.AllowLoadLocalInfile.ShouldBeFalse();
        connection.Server.ShouldBe("db");
        connection.Database.ShouldBe("ticketblue");
        connection.Password.ShouldBe("x");
    }
}
